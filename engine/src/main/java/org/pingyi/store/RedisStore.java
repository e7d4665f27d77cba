package org.pingyi.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The engine's Redis: one server, a Sentinel group or a Cluster, behind the commands they share
 * ({@link RedisClusterAsyncCommands}), so no caller cares which. One shared connection carries every command (Lettuce
 * multiplexes and pipelines on it); every command comes back as a Vert.x Future completed on the caller's context,
 * so handlers never block and never leave their loop. While Redis is unreachable commands fail at once instead of
 * queueing, so callers can degrade and readiness can tell. Whoever must know that Redis may have lost acknowledged
 * writes (a reconnect may land on a promoted replica) registers {@link #onReconnect}.
 */
public final class RedisStore implements AutoCloseable {

  /** What {@link #setOnceReplicated} answers. */
  public enum SetOnce { SET, ALREADY_SET, NOT_REPLICATED }

  /** The real edition's key namespace. */
  public static final String NAMESPACE = "pingyi";

  private final String namespace;
  private final ClientResources resources;
  private final RedisConnections connections;
  private final ReplicatedSetOnce setOnce;
  private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
  private final Disposable events;

  private RedisStore(ClientResources resources, RedisConnections connections, String namespace) {
    this.namespace = namespace;
    this.resources = resources;
    this.connections = connections;
    this.setOnce = new ReplicatedSetOnce(connections::masterOf);
    this.events = resources.eventBus().get()
        .filter(e -> e instanceof ConnectionActivatedEvent || e instanceof ClusterTopologyChangedEvent)
        .subscribe(e -> reconnectListeners.forEach(RedisStore::runQuietly));
  }

  /** Blocking connect: call at start, off the event loop. */
  public static RedisStore connect(RedisLocation location) {
    return connect(location, NAMESPACE);
  }

  /**
   * With every key and channel of the engine under {@code namespace}: a rehearsal shares the city's Redis with the
   * real edition under a namespace of its own, so it never reads or counts a real key, and its reset finds every key
   * it made.
   */
  public static RedisStore connect(RedisLocation location, String namespace) {
    ClientResources resources = DefaultClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        // Back within a second of Redis returning, instead of Lettuce's default of up to 30 s.
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    ClientOptions options = ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(3)))
        .build();
    try {
      RedisConnections connections = location.cluster()
          ? ClusterRedis.connect(resources, location, options)
          : StandaloneRedis.connect(resources, location, options);
      return new RedisStore(resources, connections, namespace);
    } catch (RuntimeException e) {
      resources.shutdown();
      throw e;
    }
  }

  /** The name of a key or channel in this store's namespace: {@code <namespace>:<name>}. */
  public String key(String name) {
    return namespace + ":" + name;
  }

  public String namespace() {
    return namespace;
  }

  /** Runs one command and hands its answer back on the calling Vert.x context. */
  public <T> Future<T> call(Vertx vertx, Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
    Context context = vertx.getOrCreateContext();
    try {
      return Future.fromCompletionStage(command.apply(connections.commands()), context);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * SET key NX with a lifetime, acknowledged only once a replica holds it (when the master has replicas): a key set
   * before a failover is still set after it.
   */
  public Future<SetOnce> setOnceReplicated(Vertx vertx, String key, long ttlSeconds) {
    Context context = vertx.getOrCreateContext();
    try {
      return Future.fromCompletionStage(setOnce.set(key, ttlSeconds), context);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Blocking, for maintenance off the event loop (a rehearsal's reset): deletes every key of this store's namespace,
   * on every master of a cluster; answers how many.
   */
  public long deleteNamespace() throws Exception {
    ScanArgs match = ScanArgs.Builder.matches(namespace + ":*").limit(1000);
    long deleted = 0;
    KeyScanCursor<String> cursor = connections.commands().scan(match).get(30, TimeUnit.SECONDS);
    while (true) {
      for (String key : cursor.getKeys()) {
        deleted += connections.commands().del(key).get(30, TimeUnit.SECONDS);
      }
      if (cursor.isFinished()) {
        return deleted;
      }
      cursor = connections.commands().scan(cursor, match).get(30, TimeUnit.SECONDS);
    }
  }

  /** A separate connection for pub/sub (a subscribed connection can do nothing else). Blocking. */
  public StatefulRedisPubSubConnection<String, String> subscribe() {
    return connections.pubSub();
  }

  /**
   * Runs (on a Lettuce thread: keep it short) whenever a connection to a Redis server is made again or the cluster's
   * topology changed: the server answering now may be a promoted replica that missed acknowledged writes.
   */
  public void onReconnect(Runnable listener) {
    reconnectListeners.add(listener);
  }

  /** A listener that throws must not end the subscription the others depend on. */
  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(RedisStore.class).warn("a Redis reconnect listener failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    events.dispose();
    connections.close();
    resources.shutdown();
  }
}
