package org.pingyi.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.store.EmbeddedRedisServer;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Burst;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;

/** Redis is only the projection: ballots go on being committed without it, and the counters catch up after. */
class RedisOutageTest {
  @TempDir Path redisDir;

  @Test
  void ballotsAreAcceptedWhileRedisIsDownAndCountedOnceWhenItReturns() throws Exception {
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(redisDir);
    int port = redis.port();
    try (TestEngine engine = TestEngine.start(Map.of("redis.url", "redis://127.0.0.1:" + port))) {
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(240);
      Random random = new Random(5);
      Burst burst = new Burst(engine.engine().httpPort());
      String path = "/api/v1/sessions/econ1-2024/ballots";
      for (int i = 0; i < reps.size(); i++) {
        if (i == 80) {
          assertEquals(80, burst.await().stream().filter(a -> a.status() == 201).count());
          redis.close();
        }
        if (i == 160) {
          assertEquals(80, burst.await().stream().filter(a -> a.status() == 201).count(), "all accepted while Redis is down");
          redis = EmbeddedRedisServer.start(redisDir, port);
        }
        String rep = reps.get(i);
        String token = "Bearer " + engine.accessToken(rep);
        String body = Ballots.random(Ballots.ECON1, random).encode();
        burst.post(rep, path, body, "Authorization", token, "Idempotency-Key", "k" + i);
        burst.post(rep, path, body, "Authorization", token, "Idempotency-Key", "k" + i);
      }
      assertEquals(80, burst.await().stream().filter(a -> a.status() == 201).count());
      assertEquals(240, engine.count("SELECT count(*) FROM ballots WHERE session_id = ?", "econ1-2024"));

      Api api = engine.api();
      String[] auditor = Api.bearer(engine.auditor());
      JsonObject live = Eventually.await("the live count to reach 240", () -> api.get("/api/v1/sessions/econ1-2024/live", auditor),
          r -> r.status() == 200 && r.json().getLong("voted") == 240, Duration.ofSeconds(30)).json();
      assertEquals(240, live.getLong("voted"));
      assertEquals(240, votesOn(live, "D01"), "every ballot scored D01 once");
      JsonObject caughtUp = api.get("/api/v1/admin/sessions/econ1-2024/reconcile", auditor).json();
      assertEquals(true, caughtUp.getBoolean("consistent"), "the counters caught up equal PostgreSQL: " + caughtUp.encode());

      // A recount rebuilds the counters from PostgreSQL alone: what the catch-up left must be the same figures.
      var recount = api.post("/api/v1/admin/sessions/econ1-2024/recount", "", "Authorization", "Bearer " + engine.operator());
      assertEquals(200, recount.status(), recount.body());
      assertEquals(240, recount.json().getLong("ballots"), "the recount counted every stored ballot");
      JsonObject recounted = api.get("/api/v1/sessions/econ1-2024/live", auditor).json();
      assertEquals(240, recounted.getLong("voted"));
      assertEquals(recounted.getJsonArray("rankings"), live.getJsonArray("rankings"), "nothing counted twice or missed");
      JsonObject reconcile = api.get("/api/v1/admin/sessions/econ1-2024/reconcile", auditor).json();
      assertEquals(true, reconcile.getBoolean("consistent"), reconcile.encode());
      assertEquals(240, reconcile.getLong("ballots"));
    } finally {
      redis.close();
    }
  }

  private static long votesOn(JsonObject live, String department) {
    return live.getJsonArray("rankings").stream().map(JsonObject.class::cast)
        .filter(r -> r.getJsonObject("department").getString("code").equals(department))
        .findFirst().orElseThrow().getLong("votes");
  }
}
