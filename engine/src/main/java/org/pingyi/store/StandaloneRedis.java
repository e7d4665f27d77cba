package org.pingyi.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One Redis server, or the master of a Sentinel group. With a sentinel URL Lettuce asks the sentinels for the master
 * on every (re)connect, so after a failover the connections land on the promoted replica by themselves (the
 * sentinels also disconnect the clients of a demoted master).
 */
final class StandaloneRedis implements RedisConnections {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> shared;
  private final StatefulRedisConnection<String, String> replicated;

  private StandaloneRedis(RedisClient client) {
    this.client = client;
    this.shared = client.connect();
    this.replicated = client.connect();
  }

  static StandaloneRedis connect(ClientResources resources, RedisLocation location, ClientOptions options) {
    RedisClient client = RedisClient.create(resources, location.uri());
    client.setOptions(options);
    try {
      return new StandaloneRedis(client);
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw e;
    }
  }

  @Override
  public RedisClusterAsyncCommands<String, String> commands() {
    return shared.async();
  }

  @Override
  public CompletionStage<StatefulRedisConnection<String, String>> masterOf(String key) {
    return CompletableFuture.completedFuture(replicated);
  }

  @Override
  public StatefulRedisPubSubConnection<String, String> pubSub() {
    return client.connectPubSub();
  }

  @Override
  public void close() {
    shared.close();
    replicated.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
