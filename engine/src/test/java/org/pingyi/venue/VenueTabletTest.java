package org.pingyi.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.BrowserSpec;
import org.pingyi.support.TestEngine;

/**
 * A community venue's shared tablet in a real browser (Debian's Chromium driven by Playwright, see
 * src/test/browser/venue.spec.mjs): four representatives one after another on one page; what each left behind is
 * checked in the browser, what the engine stored here. Screenshots land in target/screenshots/venue-*.png.
 */
class VenueTabletTest {
  private static final String SESSION = "econ1-2024";
  private static final String VENUE = "shinan-1";

  @Test
  void representativesVoteOneAfterAnotherOnOneTabletAndNothingOfOneIsLeftForTheNext() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open(SESSION);
      List<String> reps = engine.activeRepresentatives(4);
      Path shots = BrowserSpec.SHOTS;
      Files.deleteIfExists(shots.resolve("venue-report.json"));
      BrowserSpec.run("venue.spec.mjs", "browser-venue.log", Map.of(
          "BASE_URL", "http://127.0.0.1:" + engine.engine().httpPort(),
          "VENUE", VENUE,
          "VENUE_NAME", engine.engine().edition().venue(VENUE).orElseThrow().name(),
          "REP_A", reps.get(0),
          "REP_B", reps.get(1),
          "REP_C", reps.get(2),
          "REP_D", reps.get(3),
          "SESSION", SESSION,
          "AUDITOR", engine.auditor(),
          "VENUES", String.valueOf(engine.engine().edition().venuesOrNone().size())), "venue checks passed", 240);

      JsonObject report = new JsonObject(Files.readString(shots.resolve("venue-report.json")));
      for (String person : List.of("a", "b", "c")) {
        JsonObject voted = report.getJsonObject(person);
        String rep = voted.getString("representative");
        assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE session_id = ? AND representative_id = ?", SESSION, rep),
            "exactly one ballot for " + person + ", a dropped first answer included");
        assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE session_id = ? AND representative_id = ?"
            + " AND idempotency_key = ? AND receipt = ?", SESSION, rep, voted.getString("idempotencyKey"), voted.getString("receipt")),
            person + "'s ballot is stored under their own id, with the key and receipt the tablet had: " + voted.encode());
      }
      assertTrue(report.getJsonObject("a").getInteger("attempts") >= 2, report.encode());
      assertEquals(0, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ?", reps.get(3)),
          "the representative who walked away submitted nothing");
      assertEquals(3, engine.count("SELECT ballots FROM venue_ballots WHERE session_id = ? AND venue = ?", SESSION, VENUE),
          "three new ballots at the venue; the retried one counted once");
      for (String step : List.of("venue-01-unknown-venue", "venue-02-start", "venue-03-ballot", "venue-04-receipt",
          "venue-05-next-person", "venue-06-receipt-en-keyboard", "venue-07-receipt-landscape", "venue-08-still-there",
          "venue-09-start-again", "venue-10-console-counts")) {
        assertTrue(Files.size(shots.resolve(step + ".png")) > 1000, step);
      }
    }
  }
}
