package org.pingyi.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Eventually;
import org.pingyi.support.EventStream;
import org.pingyi.support.Phones;
import org.pingyi.support.RedisProcess;
import org.pingyi.support.TestRedisCluster;
import org.pingyi.support.TestServers;
import org.pingyi.support.TwoEngines;
import org.pingyi.support.Until;

/**
 * A whole evening on a Redis Cluster of the test's own (three masters, one replica each) with two engines: logins,
 * a burst during which the master holding the session's slot is killed and its replica takes over, live view and
 * turnout, close, seal, the live ranking equal to the sealed results, publish.
 */
class RedisClusterEveningTest {
  private static final String SESSION = "econ1-2024";
  private static final int PHONES = 160;

  @Test
  void theEveningRunsOnACluster_AndOutlivesTheLossOfTheMasterOfTheSessionsSlot() throws Exception {
    long started = System.nanoTime();
    try (TestRedisCluster redis = TestRedisCluster.start();
         TwoEngines two = TwoEngines.onMachinePostgres("PINGYI_REDIS_URL", redis.seeds(), "PINGYI_REDIS_CLUSTER", "true")) {
      String database = two.database();
      System.out.printf("six-node cluster and two engines up after %.1f s%n", (System.nanoTime() - started) / 1e9);
      List<Api> engines = two.apis();
      assertEquals(200, engines.get(0).post("/api/v1/admin/sessions/" + SESSION + "/open", "", TwoEngines.operator()).status());
      List<String[]> reps;
      try (Connection c = TestServers.connect(database)) {
        reps = TwoEngines.representatives(c, PHONES + 1);
      }
      List<Phones.Phone> phones = Phones.login(reps.subList(0, PHONES), two.provider(), engines);
      String spent = two.provider().es256(reps.get(PHONES)[1]);
      assertEquals(200, Phones.signIn(engines.get(0), spent).status());
      assertEquals(401, Phones.signIn(engines.get(1), spent).status(), "a jti is single-use across instances on a cluster");

      try (EventStream phoneOnB = new EventStream(two.engine(1).port(), "/api/v1/sessions/stream")) {
        RedisProcess sessionMaster = redis.masterOf("pingyi:{" + SESSION + "}:counted");
        var burst = Phones.vote(SESSION, phones, engines, Duration.ofMillis(15), Duration.ofSeconds(60));
        Until.holds("a third of the ballots committed", () -> TestServers.count(database, "SELECT count(*) FROM ballots") >= PHONES / 3);
        long killedAt = System.nanoTime();
        sessionMaster.kill();
        redis.awaitTakeover(sessionMaster, "pingyi:{" + SESSION + "}:counted", Duration.ofSeconds(30));
        System.out.printf("master of the session's slot killed → replica serves it: %.2f s%n", (System.nanoTime() - killedAt) / 1e9);
        assertNotEquals(sessionMaster.port(), redis.masterOf("pingyi:{" + SESSION + "}:counted").port());
        List<Phones.Outcome> outcomes = burst.get(2, TimeUnit.MINUTES);
        assertTrue(outcomes.stream().allMatch(Phones.Outcome::acknowledged),
            "every phone acknowledged: " + outcomes.stream().filter(o -> !o.acknowledged()).limit(3).toList());
        assertEquals(PHONES, TestServers.count(database, "SELECT count(DISTINCT representative_id) FROM ballots"));

        for (Api engine : engines) {
          JsonObject turnout = Eventually.await(() -> engine.get("/api/v1/sessions/" + SESSION + "/turnout",
              TwoEngines.operator()).json(), t -> t.getLong("voted", 0L) == PHONES, Duration.ofSeconds(15));
          assertEquals(PHONES, turnout.getLong("voted"), "live turnout catches up with PostgreSQL");
        }
        System.out.printf("master killed → live turnout equal to PostgreSQL: %.2f s%n", (System.nanoTime() - killedAt) / 1e9);
        assertEquals(401, Phones.signIn(engines.get(0), spent).status(), "still spent after the failover");
        JsonObject reconcile = engines.get(1).get("/api/v1/admin/sessions/" + SESSION + "/reconcile", TwoEngines.auditor()).json();
        assertEquals(true, reconcile.getBoolean("consistent"), reconcile.encode());
        JsonObject live = engines.get(0).get("/api/v1/sessions/" + SESSION + "/live", TwoEngines.auditor()).json();
        assertEquals(PHONES, live.getLong("voted"));

        Until.holds("both engines subscribed somewhere in the cluster", () -> redis.subscribers("pingyi:sessions") == 2);
        assertEquals(200, engines.get(0).post("/api/v1/admin/sessions/" + SESSION + "/close", "", TwoEngines.operator()).status());
        assertTrue(phoneOnB.await("\"" + SESSION + "\",\"state\":\"closed\"", Duration.ofSeconds(5)),
            "a phone on the other instance hears of the close");
        assertEquals(200, engines.get(1).post("/api/v1/admin/sessions/" + SESSION + "/seal", "", TwoEngines.operator()).status());
        JsonArray finals = engines.get(0).get("/api/v1/sessions/" + SESSION + "/results", TwoEngines.auditor()).json()
            .getJsonArray("results");
        JsonArray ranks = live.getJsonArray("rankings");
        assertEquals(finals.size(), ranks.size());
        for (int i = 0; i < ranks.size(); i++) {
          assertEquals(finals.getJsonObject(i).getJsonObject("department"), ranks.getJsonObject(i).getJsonObject("department"));
          assertEquals(finals.getJsonObject(i).getValue("score").toString(), ranks.getJsonObject(i).getValue("score").toString());
          assertEquals(finals.getJsonObject(i).getLong("votes"), ranks.getJsonObject(i).getLong("votes"));
        }
        assertEquals(200, engines.get(1).post("/api/v1/admin/sessions/" + SESSION + "/publish", "", TwoEngines.operator()).status());
        assertEquals(200, engines.get(0).get("/api/v1/sessions/" + SESSION + "/live").status(), "published: live is public");
        for (int i = 0; i < 2; i++) {
          assertEquals(200, two.engine(i).management().get("/health/ready").status());
        }
      }
    }
  }
}
