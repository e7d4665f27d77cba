package org.pingyi.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.TestEngine;

/**
 * The ballot path's warm-up before readiness: thousands of whole, valid ballots from a representative no roster can
 * hold reach the real insert through HTTP, and none of them is stored, counted, logged or visible in the metrics.
 */
class WarmUpTest {
  @Test
  void theWarmUpsBallotsReachTheInsertButStoreCountAndShowNothing() throws Exception {
    try (TestEngine engine = TestEngine.start(Map.of("http.warmUpBallots", "3000"))) {
      // One session open, so the warm-up's ballots meet the roster join rather than a closed session.
      engine.open("econ1-2024");
      try (TestEngine second = engine.sibling(Map.of("http.warmUpBallots", "3000"))) {
        assertEquals(200, second.management().get("/health/ready").status(), "ready once warmed up");
        assertEquals(0, engine.count("SELECT count(*) FROM ballots"), "nothing stored");
        assertEquals(0, engine.count("SELECT count(*) FROM representatives WHERE id LIKE '~%'"));
        assertEquals(0, engine.count("SELECT count(*) FROM audit_log WHERE target LIKE '%~warm-up%'"));
        String metrics = second.management().get("/metrics").body();
        assertFalse(metrics.lines().anyMatch(l -> l.startsWith("pingyi_ballots_refused_total") && !l.endsWith(" 0.0")),
            "the warm-up's refusals are not counted as refused ballots");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("pingyi_ballot_batch_size_count") && !l.endsWith(" 0.0")),
            "the writer did take the warm-up's batches to PostgreSQL");
        var live = engine.api().get("/api/v1/sessions/econ1-2024/live", "Authorization", "Bearer " + engine.auditor());
        assertEquals(0, live.json().getLong("voted"), "nothing counted live");
      }
    }
  }
}
