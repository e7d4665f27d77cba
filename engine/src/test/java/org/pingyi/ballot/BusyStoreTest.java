package org.pingyi.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * When every PostgreSQL connection stays busy longer than the pool waits, a ballot is answered 503 with
 * Retry-After (the phone retries), not 500, and nothing is stored until the retry succeeds.
 */
class BusyStoreTest {

  @Test
  void aBallotWaitingTooLongForAConnectionIsRefusedAsRetryableAndStoredOnRetry() throws Exception {
    try (TestEngine engine = TestEngine.start(Map.of("postgres.poolSize", "1"))) {
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(2);
      Api api = engine.api();
      String[] first = Api.bearer(engine.accessToken(reps.get(0)));
      String[] second = Api.bearer(engine.accessToken(reps.get(1)));
      String ballot = Ballots.random(Ballots.ECON1, new Random(3)).encode();

      CompletableFuture<Api.Reply> blocked;
      try (Connection lock = TestServers.connect(engine.database())) {
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE representatives IN ACCESS EXCLUSIVE MODE");
        blocked = CompletableFuture.supplyAsync(() -> api.get("/api/v1/sessions/econ1-2024/ballot-form", first));
        // The precondition: the pool's only connection is really stuck behind the lock, with the form still unanswered.
        long waiting = Eventually.await("a query of the engine waiting on the lock", () -> queriesWaitingOnLocks(engine),
            n -> n > 0, Duration.ofSeconds(10));
        assertEquals(1, waiting, "the one pooled connection waits on the lock");
        assertFalse(blocked.isDone(), "the ballot form is still waiting for its connection");

        Api.Reply refused = api.post("/api/v1/sessions/econ1-2024/ballots", ballot, second[0], second[1]);
        assertEquals(503, refused.status(), refused.body());
        assertEquals("unavailable", refused.code());
        assertEquals("2", refused.header("Retry-After"));
        assertEquals(1, queriesWaitingOnLocks(engine), "the connection was still held when the ballot was refused");
        lock.rollback();
      }
      int form = blocked.get().status();
      assertTrue(form == 200 || form == 503, "the ballot form is answered once the lock goes (503 if a gauge held the connection)");
      assertEquals(0, engine.count("SELECT count(*) FROM ballots"), "nothing stored for the refused ballot");

      Api.Reply retried = api.post("/api/v1/sessions/econ1-2024/ballots", ballot, second[0], second[1]);
      assertEquals(201, retried.status(), retried.body());
      assertEquals(1, engine.count("SELECT count(*) FROM ballots"));
    }
  }

  private static long queriesWaitingOnLocks(TestEngine engine) {
    try {
      return engine.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = ?"
          + " AND pid <> pg_backend_pid()", "Lock");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
