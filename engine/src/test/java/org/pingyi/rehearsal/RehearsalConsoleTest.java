package org.pingyi.rehearsal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.Engine;
import org.pingyi.auth.AdminRole;
import org.pingyi.config.EngineConfig;
import org.pingyi.support.BrowserSpec;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * The office's rehearsal in the console, in Debian's Chromium at 1280 px (src/test/browser/rehearsal.spec.mjs): the
 * live engine's console says it runs no rehearsal; the rehearsal engine's console carries its banner, starts the
 * phones when the broadcast ends, draws their curve and latency, verifies the sealed session for the auditor and
 * resets the rehearsal. Screenshots 40-… to 43-….
 */
class RehearsalConsoleTest {
  @Test
  void theOfficeRunsARehearsalFromTheConsoleWatchesItAndResetsIt() throws Exception {
    try (TestEngine real = TestEngine.start()) {
      EngineConfig config = Rehearsals.configOf(real, 200);
      String database = real.database() + EngineConfig.REHEARSAL_DATABASE_SUFFIX;
      try {
        try (Engine rehearsal = Engine.start(config)) {
          BrowserSpec.run("rehearsal.spec.mjs", "rehearsal-browser.log", Map.of(
              "LIVE_URL", "http://127.0.0.1:" + real.engine().httpPort(),
              "LIVE_OPERATOR", real.operator(),
              "BASE_URL", "http://127.0.0.1:" + rehearsal.httpPort(),
              "OPERATOR", rehearsal.adminTokens().demoTokens().get(AdminRole.operator),
              "AUDITOR", rehearsal.adminTokens().demoTokens().get(AdminRole.auditor)), "rehearsal console checks passed", 180);
          assertTrue(rehearsal.rehearsal().orElseThrow().resetRequested().isComplete(), "the console's reset reached the engine");
          assertEquals(150, TestServers.count(database, "SELECT count(*) FROM ballots WHERE session_id = 'econ1-2024'"));
        }
        RehearsalReset.run(config);
      } finally {
        TestServers.dropDatabase(database);
      }
      assertFalse(TestServers.databaseExists(database));
      assertEquals(0, real.count("SELECT count(*) FROM ballots"), "the live engine took no ballot");
      for (String step : List.of("40-rehearsal-live-engine", "41-rehearsal-run", "42-rehearsal-verified", "43-rehearsal-reset")) {
        assertTrue(Files.size(BrowserSpec.SHOTS.resolve(step + ".png")) > 1000, step);
      }
    }
  }
}
