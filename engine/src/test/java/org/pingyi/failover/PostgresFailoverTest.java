package org.pingyi.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Eventually;
import org.pingyi.support.Phones;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestPostgresCluster;
import org.pingyi.support.TestServers;
import org.pingyi.support.TwoEngines;
import org.pingyi.support.Until;

/**
 * PostgreSQL primary and synchronous standby of the test's own; the primary dies mid-burst and the standby is
 * promoted, as a failover manager would do it. Two engines on the two-host URL follow without a restart.
 */
class PostgresFailoverTest {
  private static final String SESSION = "econ1-2024";
  private static final int PHONES = 160;
  private static final String DATABASE = "pingyi";

  @Test
  void aPrimaryLostMidBurstLosesNoAcknowledgedBallotAndBothEnginesWriteToThePromotedStandbyWithinTenSeconds() throws Exception {
    String password = "ha-" + UUID.randomUUID();
    long started = System.nanoTime();
    try (TestPostgresCluster primary = TestPostgresCluster.start(password,
            Map.of("synchronous_standby_names", "'standby1'", "synchronous_commit", "on"),
            List.of("host all all 127.0.0.1/32 scram-sha-256", "host replication all 127.0.0.1/32 scram-sha-256"));
         TestPostgresCluster standby = primary.standby(password, "standby1")) {
      try (Connection c = jdbc(primary, "postgres", password); var st = c.createStatement()) {
        Until.holds("the standby to be synchronous", () -> {
          var rs = st.executeQuery("SELECT count(*) FROM pg_stat_replication WHERE application_name = 'standby1' AND sync_state = 'sync'");
          rs.next();
          return rs.getInt(1) == 1;
        });
        // The engines' owner role creates the database (both race for it) and migrates; the runtime role serves.
        TestServers.createRoles(c, DATABASE, password);
      }
      System.out.printf("primary and synchronous standby up after %.1f s%n", (System.nanoTime() - started) / 1e9);
      String hosts = "@127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port() + "/" + DATABASE
          + "?target_session_attrs=read-write";
      try (TwoEngines two = TwoEngines.start(Map.of(
          "PINGYI_PG_URL", "postgresql://" + TestServers.runtimeRole(DATABASE) + ":" + password + hosts,
          "PINGYI_PG_MIGRATION_URL", "postgresql://" + TestServers.ownerRole(DATABASE) + ":" + password + hosts,
          "PINGYI_REDIS_URL", TestServers.redisUrl(TestEngine.nextRedisDb())))) {
        System.out.printf("two engines up after %.1f s%n", (System.nanoTime() - started) / 1e9);
        List<Api> engines = two.apis();
        assertEquals(200, engines.get(0).post("/api/v1/admin/sessions/" + SESSION + "/open", "", TwoEngines.operator()).status());
        List<Phones.Phone> phones;
        try (Connection c = jdbc(primary, DATABASE, password)) {
          phones = Phones.login(TwoEngines.representatives(c, PHONES), two.provider(), engines);
        }

        var burst = Phones.vote(SESSION, phones, engines, Duration.ofMillis(15), Duration.ofSeconds(60));
        try (Connection c = jdbc(primary, DATABASE, password); var st = c.createStatement()) {
          Until.holds("a third of the ballots committed", () -> {
            var rs = st.executeQuery("SELECT count(*) FROM ballots");
            rs.next();
            return rs.getInt(1) >= PHONES / 3;
          });
        }
        long crashedAt = System.nanoTime();
        primary.crash();
        System.out.printf("primary stopped -m immediate in %.2f s%n", (System.nanoTime() - crashedAt) / 1e9);
        Thread.sleep(1000); // the failover manager notices
        standby.promote();
        long promotedAt = System.nanoTime();
        List<Phones.Outcome> outcomes = burst.get(2, TimeUnit.MINUTES);
        System.out.printf("burst settled after %.1f s (%d acknowledged before the crash)%n",
            (System.nanoTime() - started) / 1e9, outcomes.stream().filter(o -> o.settledAtNanos() < crashedAt).count());

        assertTrue(outcomes.stream().allMatch(Phones.Outcome::acknowledged),
            "every phone ends acknowledged: " + outcomes.stream().filter(o -> !o.acknowledged()).limit(3).toList());
        assertTrue(outcomes.stream().anyMatch(o -> o.attempts() > 1), "some phones had to retry: the primary died mid-burst");
        List<Phones.Outcome> beforeCrash = outcomes.stream().filter(o -> o.settledAtNanos() < crashedAt).toList();
        assertTrue(!beforeCrash.isEmpty(), "ballots were acknowledged before the crash");
        long firstAfterPromotion = outcomes.stream().mapToLong(Phones.Outcome::settledAtNanos).filter(t -> t > promotedAt)
            .min().orElseThrow();
        double seconds = (firstAfterPromotion - promotedAt) / 1e9;
        System.out.printf("promotion → first acknowledged ballot: %.2f s%n", seconds);
        assertTrue(seconds <= 10, "taking ballots again within 10 s of the promotion, took " + seconds + " s");

        try (Connection c = jdbc(standby, DATABASE, password); var st = c.createStatement();
             var perPhone = c.prepareStatement("SELECT count(*), count(DISTINCT representative_id) FROM ballots WHERE session_id = ?")) {
          perPhone.setString(1, SESSION);
          var rs = perPhone.executeQuery();
          rs.next();
          assertEquals(PHONES, rs.getInt(1), "exactly one ballot per phone on the new primary");
          assertEquals(PHONES, rs.getInt(2));
          Set<String> stored = new HashSet<>();
          var receipts = st.executeQuery("SELECT receipt FROM ballots");
          while (receipts.next()) {
            stored.add(receipts.getString(1));
          }
          for (Phones.Outcome o : outcomes) {
            assertTrue(stored.contains(o.receipt()), "the receipt a phone was given is stored on the new primary"
                + (o.settledAtNanos() < crashedAt ? " (acknowledged before the crash)" : ""));
          }
        }

        String newPrimary = "127.0.0.1:" + standby.port();
        for (int i = 0; i < 2; i++) {
          Api management = two.engine(i).management();
          var ready = Eventually.await(() -> management.get("/health/ready"), r -> r.status() == 200, Duration.ofSeconds(10));
          assertEquals(newPrimary, ready.json().getString("postgresPrimary"), "readiness names the host written to");
          String metrics = management.get("/metrics").body();
          assertTrue(metrics.contains("pingyi_postgres_primary{host=\"" + newPrimary + "\"} 1.0"), "the metric names it too");
          assertTrue(metrics.contains("pingyi_postgres_primary{host=\"127.0.0.1:" + primary.port() + "\"} 0.0"));
          assertTrue(metrics.contains("pingyi_postgres_writable 1.0"));
        }
        var reconcile = Eventually.await(() -> engines.get(1).get("/api/v1/admin/sessions/" + SESSION + "/reconcile",
            TwoEngines.auditor()).json(), j -> j.getBoolean("consistent", false), Duration.ofSeconds(15));
        assertEquals(PHONES, reconcile.getInteger("ballots"));
      }
    }
  }

  static Connection jdbc(TestPostgresCluster cluster, String database, String password) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database,
        TestPostgresCluster.SUPERUSER, password);
  }
}
