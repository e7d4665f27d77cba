package org.pingyi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.store.FreePort;

/**
 * A Redis master, one replica and three sentinels (quorum two) of a test's own on free ports, with a quick failure
 * detector (1 s) so a failover takes a few seconds; stopped and deleted on close.
 */
public final class TestSentinels implements AutoCloseable {
  public static final String MASTER = "pingyi";

  private final Path dir;
  private final RedisProcess master;
  private final RedisProcess replica;
  private final List<RedisProcess> sentinels = new ArrayList<>();

  private TestSentinels(Path dir, RedisProcess master, RedisProcess replica) {
    this.dir = dir;
    this.master = master;
    this.replica = replica;
  }

  public static TestSentinels start() throws Exception {
    Path dir = Files.createTempDirectory("pingyi-sentinels");
    RedisProcess master = RedisProcess.start(dir);
    RedisProcess replica;
    try {
      replica = RedisProcess.start(dir, "--replicaof", "127.0.0.1", String.valueOf(master.port()));
    } catch (Exception | Error e) {
      master.close();
      throw e;
    }
    TestSentinels group = new TestSentinels(dir, master, replica);
    try {
      for (int i = 0; i < 3; i++) {
        int port = FreePort.find();
        Path config = dir.resolve("sentinel-" + port + ".conf");
        Files.write(config, List.of("port " + port, "bind 127.0.0.1", "dir " + dir, "logfile " + dir.resolve("sentinel-" + port + ".log"),
            "sentinel monitor " + MASTER + " 127.0.0.1 " + master.port() + " 2",
            "sentinel down-after-milliseconds " + MASTER + " 1000",
            "sentinel failover-timeout " + MASTER + " 5000",
            "sentinel parallel-syncs " + MASTER + " 1"));
        group.sentinels.add(RedisProcess.sentinel(config, port));
      }
      TestSentinels ready = group;
      Until.holds("the replica in sync", () -> ready.replica.cli("INFO", "replication").contains("master_link_status:up"));
      for (RedisProcess s : group.sentinels) {
        Until.holds("sentinels to know each other and the replica", () -> count(s, "SENTINEL", "sentinels", MASTER) == 2
            && count(s, "SENTINEL", "replicas", MASTER) == 1);
      }
      return group;
    } catch (Exception | Error e) {
      group.close();
      throw e;
    }
  }

  /** Lettuce's sentinel URL of the group. */
  public String url() {
    StringBuilder url = new StringBuilder("redis-sentinel://");
    for (int i = 0; i < sentinels.size(); i++) {
      url.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinels.get(i).port());
    }
    return url.append("/0#").append(MASTER).toString();
  }

  public RedisProcess master() {
    return master;
  }

  public RedisProcess replica() {
    return replica;
  }

  /** The port of the master as the first sentinel that answers names it. */
  public int masterPortNow() throws Exception {
    for (RedisProcess s : sentinels) {
      String[] answer = s.cli("SENTINEL", "get-master-addr-by-name", MASTER).split("\\s+");
      if (answer.length == 2) {
        return Integer.parseInt(answer[1]);
      }
    }
    return -1;
  }

  /** Waits until every sentinel names the replica as master, and it says so itself. */
  public void awaitReplicaPromoted(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = replica.cli("ROLE").startsWith("master");
      for (RedisProcess s : sentinels) {
        all &= s.cli("SENTINEL", "get-master-addr-by-name", MASTER).endsWith(String.valueOf(replica.port()));
      }
      if (all) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no failover within " + within + "; logs in " + dir);
  }

  private static int count(RedisProcess sentinel, String... command) throws Exception {
    String out = sentinel.cli(command);
    return out.isEmpty() ? 0 : (int) out.lines().filter(l -> l.equals("name")).count();
  }

  @Override
  public void close() throws Exception {
    for (RedisProcess s : sentinels) {
      s.close();
    }
    replica.close();
    master.close();
    TestEngine.deleteTree(dir);
  }
}
