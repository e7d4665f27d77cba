package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.TestEngine;

/**
 * The phone page and the console in a real browser (Debian's Chromium driven by Playwright, see
 * src/test/browser/pages.spec.mjs). Screenshots of every step land in target/screenshots.
 */
class BrowserPagesTest {

  @Test
  void aRepresentativeVotesOnAPhoneAndAnOperatorRunsASessionToPublication() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(2);
      Path shots = Path.of("target", "screenshots").toAbsolutePath();
      Files.deleteIfExists(shots.resolve("report.json"));
      Path log = Path.of("target", "browser.log").toAbsolutePath();
      ProcessBuilder node = new ProcessBuilder("node", "pages.spec.mjs")
          .directory(TestEngine.PROJECT.resolve("engine/src/test/browser").toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      node.environment().putAll(java.util.Map.of(
          "BASE_URL", "http://127.0.0.1:" + engine.engine().httpPort(),
          "OPERATOR", engine.operator(),
          "AUDITOR", engine.auditor(),
          "SHOTS", shots.toString(),
          "REP_A", reps.get(0),
          "REP_B", reps.get(1)));
      Process process = node.start();
      boolean finished = process.waitFor(180, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log);
      assertTrue(finished, "browser run timed out:\n" + output);
      assertEquals(0, process.exitValue(), output);
      assertTrue(output.contains("browser checks passed"), output);

      for (String rep : reps) {
        assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE session_id = ? AND representative_id = ?", "econ1-2024", rep),
            "exactly one ballot for " + rep + ", the dropped first submit included");
      }
      // The ballot stored for the phone whose first answer was dropped is the one its key and receipt name.
      JsonObject flaky = new JsonObject(Files.readString(shots.resolve("report.json"))).getJsonObject("flaky");
      assertEquals(reps.get(1), flaky.getString("representative"));
      assertTrue(flaky.getInteger("attempts") >= 2, flaky.encode());
      assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE session_id = ? AND representative_id = ? AND idempotency_key = ?"
          + " AND receipt = ?", "econ1-2024", reps.get(1), flaky.getString("idempotencyKey"), flaky.getString("receipt")),
          "the dropped first submit is the stored ballot: " + flaky.encode());
      assertEquals(1, engine.count("SELECT count(*) FROM sessions WHERE id = ? AND state = ?", "econ2-2024", "published"));
      for (String step : List.of("01-phone-ballot-scored", "02-phone-receipt", "03-phone-already-voted-en",
          "04-phone-after-network-drop", "05-console-operator-published", "06-console-auditor-live")) {
        assertTrue(Files.size(shots.resolve(step + ".png")) > 1000, step);
      }
    }
  }
}
