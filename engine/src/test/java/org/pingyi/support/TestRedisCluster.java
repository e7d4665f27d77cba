package org.pingyi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis Cluster of a test's own: three masters with one replica each ({@code redis-server --cluster-enabled yes},
 * {@code redis-cli --cluster create --cluster-replicas 1}) on free ports, a node timeout of one second so a replica
 * takes over a dead master within a few seconds; stopped and deleted on close.
 */
public final class TestRedisCluster implements AutoCloseable {
  private final Path dir;
  private final List<RedisProcess> nodes = new ArrayList<>();

  private TestRedisCluster(Path dir) {
    this.dir = dir;
  }

  public static TestRedisCluster start() throws Exception {
    TestRedisCluster cluster = new TestRedisCluster(Files.createTempDirectory("pingyi-redis-cluster"));
    try {
      for (int i = 0; i < 6; i++) {
        cluster.nodes.add(RedisProcess.start(cluster.dir, "--cluster-enabled", "yes", "--cluster-node-timeout", "1000",
            "--cluster-config-file", cluster.dir.resolve("nodes-" + i + ".conf").toString()));
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      cluster.nodes.forEach(n -> create.add("127.0.0.1:" + n.port()));
      create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
      Process p = new ProcessBuilder(create).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0 || !out.contains("All 16384 slots covered")) {
        throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
      }
      for (RedisProcess node : cluster.nodes) {
        Until.holds("cluster_state:ok on " + node.port(), () -> node.cli("CLUSTER", "INFO").contains("cluster_state:ok"));
      }
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The seed list the engine is given: the first three nodes. */
  public String seeds() {
    return "redis://127.0.0.1:" + nodes.get(0).port() + ",redis://127.0.0.1:" + nodes.get(1).port()
        + ",redis://127.0.0.1:" + nodes.get(2).port();
  }

  public List<RedisProcess> nodes() {
    return nodes;
  }

  /** The node that is master of the slot of {@code key} now, as the live nodes see it. */
  public RedisProcess masterOf(String key) throws Exception {
    int port = masterPortOf(key);
    return nodes.stream().filter(n -> n.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("no master serves the slot of " + key));
  }

  /** -1 while no master that is not failing serves it. */
  private int masterPortOf(String key) throws Exception {
    RedisProcess anyAlive = nodes.stream().filter(RedisProcess::alive).findFirst().orElseThrow();
    int slot = Integer.parseInt(anyAlive.cli("CLUSTER", "KEYSLOT", key));
    for (String line : anyAlive.cli("CLUSTER", "NODES").split("\n")) {
      String[] f = line.trim().split(" ");
      if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
        continue;
      }
      for (int i = 8; i < f.length; i++) {
        String[] range = f[i].split("-");
        if (range[0].startsWith("[")) {
          continue;
        }
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        if (slot >= from && slot <= to) {
          return Integer.parseInt(f[1].split("[:@]")[1]);
        }
      }
    }
    return -1;
  }

  /** Waits until a live node other than {@code dead} is master of {@code key}'s slot and every live node is ok. */
  public void awaitTakeover(RedisProcess dead, String key, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      int port = masterPortOf(key);
      boolean ok = port > 0 && port != dead.port();
      for (RedisProcess node : nodes) {
        ok &= !node.alive() || node.cli("CLUSTER", "INFO").contains("cluster_state:ok");
      }
      if (ok) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no replica took over within " + within + "; logs in " + dir);
  }

  /** PUBSUB NUMSUB of a channel, summed over the live nodes (a cluster's subscribers sit on any node). */
  public long subscribers(String channel) throws Exception {
    long total = 0;
    for (RedisProcess node : nodes) {
      if (node.alive()) {
        String[] answer = node.cli("PUBSUB", "NUMSUB", channel).split("\n");
        total += answer.length == 2 ? Long.parseLong(answer[1].trim()) : 0;
      }
    }
    return total;
  }

  @Override
  public void close() throws Exception {
    for (RedisProcess node : nodes) {
      node.close();
    }
    TestEngine.deleteTree(dir);
  }
}
