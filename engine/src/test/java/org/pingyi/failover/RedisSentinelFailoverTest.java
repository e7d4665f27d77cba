package org.pingyi.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Eventually;
import org.pingyi.support.EventStream;
import org.pingyi.support.Phones;
import org.pingyi.support.TestSentinels;
import org.pingyi.support.TestServers;
import org.pingyi.support.TwoEngines;
import org.pingyi.support.Until;

/**
 * Redis master, one replica and three sentinels of the test's own; two engines on the sentinel URL. The replica
 * stalls (SIGSTOP) during the burst, so the master acknowledges writes it never has, then the master is killed
 * (SIGKILL) mid-burst and the sentinels promote the replica: everything the engines acknowledged holds, and an ID
 * token spent at either sign-in (/auth/face, /auth/citizen) stays spent.
 */
class RedisSentinelFailoverTest {
  private static final String SESSION = "econ1-2024";
  private static final int PHONES = 160;

  @Test
  void aMasterKilledMidBurstLosesNoBallotTheTallyCatchesUpSpentTokensStaySpentAndEventsStillFlow() throws Exception {
    long started = System.nanoTime();
    try (TestSentinels redis = TestSentinels.start();
         TwoEngines two = TwoEngines.onMachinePostgres("PINGYI_REDIS_URL", redis.url())) {
      String database = two.database();
      System.out.printf("sentinel group and two engines up after %.1f s%n", (System.nanoTime() - started) / 1e9);
      List<Api> engines = two.apis();
      assertEquals(200, engines.get(0).post("/api/v1/admin/sessions/" + SESSION + "/open", "", TwoEngines.operator()).status());
      List<String[]> reps;
      try (Connection c = TestServers.connect(database)) {
        reps = TwoEngines.representatives(c, PHONES + 2);
      }
      List<Phones.Phone> phones = Phones.login(reps.subList(0, PHONES), two.provider(), engines);
      String spentBeforeTheFailover = two.provider().es256(reps.get(PHONES)[1]);
      assertEquals(200, Phones.signIn(engines.get(0), spentBeforeTheFailover).status());
      String citizenBeforeTheFailover = two.provider().es256("ha-citizen-" + UUID.randomUUID());
      assertEquals(200, citizenSignIn(engines.get(1), citizenBeforeTheFailover).status());

      redis.replica().freeze();
      String triedWhileTheReplicaStalled = two.provider().es256(reps.get(PHONES + 1)[1]);
      Api.Reply stalled = Phones.signIn(engines.get(1), triedWhileTheReplicaStalled);
      assertEquals(503, stalled.status(), "a jti no replica confirmed is not accepted: " + stalled.body());
      assertEquals("unavailable", stalled.code());
      assertTrue(stalled.header("Retry-After") != null);
      Api.Reply citizenStalled = citizenSignIn(engines.get(0), two.provider().es256("ha-citizen-" + UUID.randomUUID()));
      assertEquals(503, citizenStalled.status(), "the citizen sign-in spends its jti the same way: " + citizenStalled.body());

      try (EventStream phoneOnB = new EventStream(two.engine(1).port(), "/api/v1/sessions/stream")) {
        var burst = Phones.vote(SESSION, phones, engines, Duration.ofMillis(15), Duration.ofSeconds(60));
        Until.holds("a third of the ballots committed", () -> TestServers.count(database, "SELECT count(*) FROM ballots") >= PHONES / 3);
        long killedAt = System.nanoTime();
        redis.master().kill();
        redis.replica().thaw();
        redis.awaitReplicaPromoted(Duration.ofSeconds(30));
        long promotedAt = System.nanoTime();
        System.out.printf("master killed → replica promoted: %.2f s%n", (promotedAt - killedAt) / 1e9);
        List<Phones.Outcome> outcomes = burst.get(2, TimeUnit.MINUTES);
        assertTrue(outcomes.stream().allMatch(Phones.Outcome::acknowledged),
            "every phone acknowledged: " + outcomes.stream().filter(o -> !o.acknowledged()).limit(3).toList());
        assertEquals(PHONES, TestServers.count(database, "SELECT count(DISTINCT representative_id) FROM ballots"));
        assertEquals(PHONES, TestServers.count(database, "SELECT count(*) FROM ballots"));

        for (Api engine : engines) {
          JsonObject turnout = Eventually.await(() -> engine.get("/api/v1/sessions/" + SESSION + "/turnout",
              TwoEngines.operator()).json(), t -> t.getLong("voted", 0L) == PHONES, Duration.ofSeconds(10));
          assertEquals(PHONES, turnout.getLong("voted"), "live turnout catches up with PostgreSQL");
        }
        double caughtUp = (System.nanoTime() - killedAt) / 1e9;
        System.out.printf("master killed → live turnout equal to PostgreSQL: %.2f s (%.2f s after the promotion)%n",
            caughtUp, (System.nanoTime() - promotedAt) / 1e9);
        JsonObject reconcile = engines.get(1).get("/api/v1/admin/sessions/" + SESSION + "/reconcile", TwoEngines.auditor()).json();
        assertEquals(true, reconcile.getBoolean("consistent"), reconcile.encode());

        Api.Reply replayed = Phones.signIn(engines.get(1), spentBeforeTheFailover);
        assertEquals(401, replayed.status(), "a token used before the master died is refused after: " + replayed.body());
        assertEquals("invalid_token", replayed.code());
        assertEquals(200, Phones.signIn(engines.get(0), triedWhileTheReplicaStalled).status(), "the refused login spent nothing");
        assertEquals(401, Phones.signIn(engines.get(1), triedWhileTheReplicaStalled).status());
        assertEquals(401, citizenSignIn(engines.get(0), citizenBeforeTheFailover).status(),
            "a citizen's token used before the master died is refused after too");

        Until.holds("both engines subscribed on the new master",
            () -> redis.replica().cli("PUBSUB", "NUMSUB", "pingyi:sessions").endsWith("\n2"));
        assertEquals(200, engines.get(0).post("/api/v1/admin/sessions/" + SESSION + "/close", "", TwoEngines.operator()).status());
        assertTrue(phoneOnB.await("\"" + SESSION + "\",\"state\":\"closed\"", Duration.ofSeconds(5)),
            "a phone on the other instance hears of the close");
        for (int i = 0; i < 2; i++) {
          assertEquals(200, two.engine(i).management().get("/health/ready").status());
        }
      }
    }
  }

  private static Api.Reply citizenSignIn(Api engine, String idToken) {
    return engine.postJson("/api/v1/auth/citizen", new JsonObject().put("idToken", idToken));
  }
}
