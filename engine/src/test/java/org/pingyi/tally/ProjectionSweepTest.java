package org.pingyi.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * A ballot committed by an instance that died before counting it (here: a row written straight into PostgreSQL)
 * is counted by the routine sweep of a live instance, exactly once.
 */
class ProjectionSweepTest {

  @Test
  void aSettledBallotRedisNeverSawIsCountedByTheRoutineSweep() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      String rep = engine.activeRepresentatives(1).get(0);
      try (var c = TestServers.connect(engine.database()); var insert = c.prepareStatement("""
          INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, receipt, body_hash, submitted_at)
          SELECT 'econ1-2024', id, weight_class, district, ?::jsonb, 'sweeptest0000000000000000a', 'x', now() - interval '15 seconds'
          FROM representatives WHERE id = ?""")) {
        insert.setString(1, new JsonObject().put("D01", "satisfied").put("D02", "satisfied").put("D03", "satisfied")
            .put("D04", "satisfied").put("D05", "satisfied").put("D06", "satisfied").put("D07", "satisfied")
            .put("D08", "dissatisfied").encode());
        insert.setString(2, rep);
        assertEquals(1, insert.executeUpdate());
      }
      Api api = engine.api();
      String[] auditor = Api.bearer(engine.auditor());
      JsonObject live = Eventually.await(() -> api.get("/api/v1/sessions/econ1-2024/live", auditor).json(),
          j -> j.getLong("voted", 0L) == 1, Duration.ofSeconds(25));
      assertEquals(1, live.getLong("voted"));
      JsonObject reconcile = api.get("/api/v1/admin/sessions/econ1-2024/reconcile", auditor).json();
      assertEquals(true, reconcile.getBoolean("consistent"), reconcile.encode());
    }
  }
}
