package org.pingyi.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Lettuce connection shared by every verticle (Lettuce multiplexes and pipelines on it). Every command comes
 * back as a Vert.x Future completed on the caller's context, so handlers never block and never leave their loop.
 * While Redis is unreachable commands fail at once instead of queueing, so callers can degrade and readiness can
 * tell.
 */
public final class RedisStore implements AutoCloseable {

  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private RedisStore(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> connection) {
    this.resources = resources;
    this.client = client;
    this.connection = connection;
  }

  /** Blocking connect: call at start, off the event loop. */
  public static RedisStore connect(RedisLocation location) {
    ClientResources resources = DefaultClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        // Back within a second of Redis returning, instead of Lettuce's default of up to 30 s.
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    RedisClient client = RedisClient.create(resources, location.uri());
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(3)))
        .build());
    return new RedisStore(resources, client, client.connect());
  }

  public RedisAsyncCommands<String, String> async() {
    return connection.async();
  }

  /** Runs one command and hands its answer back on the calling Vert.x context. */
  public <T> Future<T> call(Vertx vertx, Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
    Context context = vertx.getOrCreateContext();
    try {
      return Future.fromCompletionStage(command.apply(connection.async()), context);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** A separate connection for pub/sub (a subscribed connection can do nothing else). Blocking. */
  public io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> subscribe() {
    return client.connectPubSub();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown();
  }
}
