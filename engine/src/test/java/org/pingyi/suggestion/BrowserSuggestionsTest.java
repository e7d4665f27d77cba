package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.BrowserSpec;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestSmsProvider;

/**
 * The suggestion loop through its pages in a real browser (src/test/browser/suggestions.spec.mjs): a citizen's phone,
 * the office's console, a department's console. Screenshots land in target/screenshots.
 */
class BrowserSuggestionsTest {
  static final String PHONE = "13900000042";

  @Test
  void aCitizenSuggestsTheOfficeAssignsTheDepartmentAnswersAndTheCitizenRatesInTheBrowser() throws Exception {
    try (TestSmsProvider sms = new TestSmsProvider(); TestEngine engine = TestEngine.start(Map.of("sms.gatewayUrl", sms.url()))) {
      Path shots = BrowserSpec.SHOTS;
      BrowserSpec.run("suggestions.spec.mjs", "browser-suggestions.log", Map.of(
          "BASE_URL", "http://127.0.0.1:" + engine.engine().httpPort(),
          "OPERATOR", engine.operator(),
          "DEPARTMENT", "D31",
          "DEPARTMENT_TOKEN", engine.department("D31"),
          "CO_HANDLER", "D11",
          "CO_TOKEN", engine.department("D11"),
          "PHONE", PHONE,
          "REP", engine.activeRepresentatives(1).get(0)), "suggestion browser checks passed", 180);

      assertEquals(1, engine.count("SELECT count(*) FROM suggestions WHERE author_role = 'citizen' AND status = 'closed' AND lead = 'D31'"
          + " AND satisfied AND adopted"));
      assertEquals(1, engine.count("SELECT count(*) FROM suggestions WHERE author_role = 'representative'"));
      Eventually.await(() -> sms.requests().stream().filter(r -> PHONE.equals(r.to())).count(), n -> n >= 1, Duration.ofSeconds(20));
      assertEquals(1, sms.requests().stream().filter(r -> PHONE.equals(r.to())).count(), "the citizen was told of the answer once");
      for (String step : List.of("s01-phone-citizen-suggested", "s02-console-office-assigned", "s03-console-department-answered",
          "s04-phone-rated", "s05-console-figures", "s06-phone-representative-suggestions-en")) {
        assertTrue(Files.size(shots.resolve(step + ".png")) > 1000, step);
      }
    }
  }
}
