package org.pingyi.store;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.CompletionStage;

/**
 * What one kind of Redis deployment gives the engine: the shared command connection, a connection of its own to the
 * server that holds a key (for writes that must wait for a replica), and pub/sub. A single server and a Sentinel group
 * ({@link StandaloneRedis}) or a Cluster ({@link ClusterRedis}); callers see the commands both have in common.
 */
interface RedisConnections extends AutoCloseable {

  RedisClusterAsyncCommands<String, String> commands();

  /** A connection, apart from {@link #commands()}, to the master that holds {@code key}: WAIT blocks only it. */
  CompletionStage<StatefulRedisConnection<String, String>> masterOf(String key);

  /** A new pub/sub connection (blocking); Lettuce resubscribes it after every reconnect. */
  StatefulRedisPubSubConnection<String, String> pubSub();

  @Override
  void close();
}
