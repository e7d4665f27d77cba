package org.pingyi.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Redis Cluster through Lettuce's cluster client: commands go to the master of their key's slot, the topology is
 * re-read every two seconds and whenever a node is lost or a command is redirected, so after a replica takes over
 * a master's slots the engine follows within seconds. Pub/sub messages reach every node of a cluster, so one
 * subscription on any node hears all of them.
 */
final class ClusterRedis implements RedisConnections {
  private final RedisClusterClient client;
  private final StatefulRedisClusterConnection<String, String> shared;
  private final StatefulRedisClusterConnection<String, String> replicated;

  private ClusterRedis(RedisClusterClient client) {
    this.client = client;
    this.shared = client.connect();
    this.replicated = client.connect();
  }

  static ClusterRedis connect(ClientResources resources, RedisLocation location, ClientOptions options) {
    RedisClusterClient client = RedisClusterClient.create(resources, location.seeds());
    client.setOptions(ClusterClientOptions.builder(options)
        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(Duration.ofSeconds(2))
            .enableAllAdaptiveRefreshTriggers()
            .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
            .refreshTriggersReconnectAttempts(2)
            .build())
        .build());
    try {
      return new ClusterRedis(client);
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
    RedisClusterNode master = replicated.getPartitions().getPartitionBySlot(SlotHash.getSlot(key));
    if (master == null) {
      return CompletableFuture.failedFuture(new RedisException("no master serves the slot of this key now"));
    }
    return replicated.getConnectionAsync(master.getNodeId());
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
