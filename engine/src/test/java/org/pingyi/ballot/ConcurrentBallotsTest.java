package org.pingyi.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Burst;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;

/**
 * Hundreds of representatives at once, each also firing a same-key retry and a second ballot of its own: one
 * ballot per representative survives, every 201 has its row, and the live counters equal a recount.
 */
class ConcurrentBallotsTest {
  static final int REPRESENTATIVES = 400;
  static TestEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    engine.open("econ1-2024");
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void everyRepresentativeEndsWithExactlyOneBallotCountedOnce() throws Exception {
    List<String> reps = engine.activeRepresentatives(REPRESENTATIVES);
    Random random = new Random(11);
    Burst burst = new Burst(engine.engine().httpPort());
    for (String rep : reps) {
      String token = engine.accessToken(rep);
      String body = Ballots.random(Ballots.ECON1, random).encode();
      String key = "key-" + rep;
      String path = "/api/v1/sessions/econ1-2024/ballots";
      burst.post(rep, path, body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
      burst.post(rep, path, body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
      burst.post(rep, path, Ballots.random(Ballots.ECON1, random).encode(), "Authorization", "Bearer " + token);
    }
    List<Burst.Answer> answers = burst.await();

    Map<String, List<Burst.Answer>> byRep = new HashMap<>();
    answers.forEach(a -> byRep.computeIfAbsent(a.tag(), k -> new ArrayList<>()).add(a));
    for (String rep : reps) {
      List<Burst.Answer> mine = byRep.get(rep);
      List<Burst.Answer> created = mine.stream().filter(a -> a.status() == 201).toList();
      assertEquals(1, created.size(), rep + ": " + mine);
      for (Burst.Answer a : mine) {
        assertTrue(a.status() == 201 || a.status() == 200 || a.status() == 409, a.toString());
        if (a.status() == 200) {
          assertEquals(created.get(0).body(), a.body(), "a same-key retry gets the first answer");
        }
      }
      String receipt = new JsonObject(created.get(0).body()).getString("receipt");
      assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ? AND receipt = ?",
          rep, receipt), "every 201 has its row");
    }
    assertEquals(REPRESENTATIVES, engine.count("SELECT count(*) FROM ballots WHERE session_id = ?", "econ1-2024"));
    assertEquals(REPRESENTATIVES, engine.count("SELECT count(DISTINCT representative_id) FROM ballots WHERE session_id = ?", "econ1-2024"));

    Api api = engine.api();
    String[] auditor = Api.bearer(engine.auditor());
    JsonObject live = Eventually.await(() -> api.get("/api/v1/sessions/econ1-2024/live", auditor).json(),
        j -> j.getLong("voted") == REPRESENTATIVES, Duration.ofSeconds(10));
    assertEquals(REPRESENTATIVES, live.getLong("voted"));
    var recount = api.post("/api/v1/admin/sessions/econ1-2024/recount", "", "Authorization", "Bearer " + engine.operator());
    assertEquals(200, recount.status(), recount.body());
    assertEquals(REPRESENTATIVES, recount.json().getLong("ballots"));
    JsonObject recounted = api.get("/api/v1/sessions/econ1-2024/live", auditor).json();
    assertEquals(live.getJsonArray("rankings"), recounted.getJsonArray("rankings"));
    assertEquals(live.getLong("voted"), recounted.getLong("voted"));
    long votesOnD01 = live.getJsonArray("rankings").stream().map(JsonObject.class::cast)
        .filter(r -> r.getJsonObject("department").getString("code").equals("D01")).findFirst().orElseThrow().getLong("votes");
    assertEquals(REPRESENTATIVES, votesOnD01);
  }
}
