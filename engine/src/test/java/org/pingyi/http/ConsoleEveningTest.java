package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.BrowserSpec;
import org.pingyi.support.TestEditions;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * The console on the evening at 1280 px and the pages' accessibility, in a real browser (src/test/browser/
 * console.spec.mjs): the engine is real, the ballots go through the real HTTP path, screenshots land in
 * target/screenshots (10-… to 17-…).
 */
class ConsoleEveningTest {
  private static final String DISTRICT = "shinan";

  @Test
  void anOperatorAndAnAuditorWatchTheEveningOnChartsAndEveryPagePassesAnAccessibilityAudit() throws Exception {
    // enforcement-2024 far in the future, so its countdown runs; the others are in December 2024.
    Path edition = TestEditions.replacing("opensAt: \"2024-12-18T06:30:00Z\", closesAt: \"2024-12-18T09:30:00Z\"",
        "opensAt: \"2099-12-18T06:30:00Z\", closesAt: \"2099-12-18T09:30:00Z\"");
    try (TestEngine engine = TestEngine.start(Map.of("edition", edition.toString()))) {
      engine.open("econ1-2024");
      List<String> voters = active(engine, "district = ?", 3);
      String phone = active(engine, "district <> ?", 1).get(0);
      long eligible = engine.count("SELECT count(*) FROM representatives WHERE status = 'active' AND district = 'shinan'");
      Path shots = BrowserSpec.SHOTS;
      BrowserSpec.run("console.spec.mjs", "console-browser.log", Map.of(
          "BASE_URL", "http://127.0.0.1:" + engine.engine().httpPort(),
          "OPERATOR", engine.operator(),
          "AUDITOR", engine.auditor(),
          "DISTRICT", DISTRICT,
          "DISTRICT_LABEL", "市南区",
          "DISTRICT_ELIGIBLE", String.valueOf(eligible),
          "VOTERS", String.join(",", voters),
          "PHONE_REP", phone), "console checks passed", 240);

      assertEquals(4, engine.count("SELECT count(*) FROM ballots WHERE session_id = 'econ1-2024'"),
          "three ballots from the test and the one cast with the keyboard");
      assertEquals(eligible - 3, engine.count("SELECT count(*) FROM reminder_messages WHERE status = 'sent'"),
          "the wave reached every non-voter of the district once");
      for (String step : List.of("10-console-sessions-countdowns", "11-console-turnout-bars", "12-console-reminder-wave",
          "13-console-survey", "14-console-audit-filtered", "15-console-auditor-ranking", "16-phone-keyboard-scored",
          "17-phone-keyboard-receipt")) {
        assertTrue(Files.size(shots.resolve(step + ".png")) > 1000, step);
      }
    }
  }

  private static List<String> active(TestEngine engine, String where, int limit) throws Exception {
    try (var c = TestServers.connect(engine.database());
         PreparedStatement st = c.prepareStatement(
             "SELECT id FROM representatives WHERE status = 'active' AND " + where + " ORDER BY id LIMIT ?")) {
      st.setString(1, DISTRICT);
      st.setInt(2, limit);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }
}
