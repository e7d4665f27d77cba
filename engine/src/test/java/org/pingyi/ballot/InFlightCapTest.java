package org.pingyi.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Ballots;
import org.pingyi.support.Burst;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * The writer takes at most limits.ballotsInFlight ballots at once; the rest are turned away at once with 503 and
 * Retry-After, and a retry with the same Idempotency-Key is stored exactly once: nothing is lost, nothing doubled.
 */
class InFlightCapTest {

  @Test
  void beyondTheCapBallotsAreShedWith503AndRetryAfterAndEveryRetryIsStoredOnce() throws Exception {
    try (TestEngine engine = TestEngine.start(Map.of("limits.ballotsInFlight", "5"))) {
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(30);
      Map<String, String> tokens = new HashMap<>();
      for (String rep : reps) {
        tokens.put(rep, engine.accessToken(rep));
      }
      String body = Ballots.all(Ballots.ECON1, "satisfied").encode();
      Burst burst = new Burst(engine.engine().httpPort());
      List<Burst.Answer> shed;
      // While a SHARE lock holds the ballots table, the writer's inserts wait: its five admitted ballots stay in flight.
      try (Connection lock = TestServers.connect(engine.database())) {
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE ballots IN SHARE MODE");
        for (String rep : reps) {
          burst.post(rep, "/api/v1/sessions/econ1-2024/ballots", body, "Authorization", "Bearer " + tokens.get(rep),
              "Idempotency-Key", "phone-" + rep);
        }
        shed = Eventually.await(burst::arrived, a -> a.size() >= 25, Duration.ofSeconds(8));
        assertEquals(25, shed.size(), "the five admitted ballots are still waiting for their commit");
        lock.commit();
      }
      List<Burst.Answer> first = burst.await();
      assertEquals(5, first.stream().filter(a -> a.status() == 201).count());
      assertEquals(25, first.stream().filter(a -> a.status() == 503).count());
      for (Burst.Answer a : shed) {
        assertEquals(503, a.status());
        assertTrue(a.body().contains("\"code\":\"unavailable\""), a.body());
      }

      List<String> retried = new ArrayList<>();
      for (Burst.Answer a : first) {
        if (a.status() == 503) {
          retried.add(a.tag());
          var again = engine.api().post("/api/v1/sessions/econ1-2024/ballots", body, "Content-Type", "application/json",
              "Authorization", "Bearer " + tokens.get(a.tag()), "Idempotency-Key", "phone-" + a.tag());
          assertEquals(201, again.status(), again.body());
        }
      }
      assertEquals(25, retried.size());
      assertEquals(30, engine.count("SELECT count(*) FROM ballots WHERE session_id = 'econ1-2024'"));
      assertEquals(30, engine.count("SELECT count(DISTINCT representative_id) FROM ballots WHERE session_id = 'econ1-2024'"));
    }
  }

  @Test
  void aShedBallotCarriesRetryAfter() throws Exception {
    try (TestEngine engine = TestEngine.start(Map.of("limits.ballotsInFlight", "1"))) {
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(2);
      String body = Ballots.all(Ballots.ECON1, "satisfied").encode();
      Burst burst = new Burst(engine.engine().httpPort());
      try (Connection lock = TestServers.connect(engine.database())) {
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE ballots IN SHARE MODE");
        burst.post(reps.get(0), "/api/v1/sessions/econ1-2024/ballots", body, "Authorization", "Bearer " + engine.accessToken(reps.get(0)));
        Eventually.await(() -> engine.engine().pool().query("SELECT count(*) FROM pg_locks WHERE NOT granted").execute()
            .await().iterator().next().getLong(0), n -> n > 0, Duration.ofSeconds(8));
        var shed = engine.api().post("/api/v1/sessions/econ1-2024/ballots", body, "Content-Type", "application/json",
            "Authorization", "Bearer " + engine.accessToken(reps.get(1)));
        assertEquals(503, shed.status());
        assertEquals("1", shed.header("Retry-After"));
        assertEquals("unavailable", shed.code());
        lock.commit();
      }
      assertEquals(201, burst.await().get(0).status());
    }
  }
}
