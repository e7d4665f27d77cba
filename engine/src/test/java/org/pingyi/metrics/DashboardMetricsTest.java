package org.pingyi.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;

/**
 * Every metric the Grafana dashboard and the alert rules use exists in a real scrape of an engine that has seen
 * logins and ballots, so the dashboard never silently goes blank after a rename.
 */
class DashboardMetricsTest {

  @Test
  void everyMetricOfTheDashboardAndTheAlertsIsExposed() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      Api api = engine.api();
      engine.open("econ1-2024");
      String rep = engine.activeRepresentatives(1).get(0);
      String idToken = api.postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", rep)).json().getString("idToken");
      String access = api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken)).json().getString("accessToken");
      assertEquals(401, api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken)).status());
      assertEquals(201, api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"), Api.bearer(access)).status());
      assertEquals(409, api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"), Api.bearer(access)).status());

      Set<String> wanted = OperationsConfigTest.metricNames(OperationsConfigTest.dashboardAndAlerts());
      assertTrue(wanted.size() > 10, wanted.toString());
      String scrape = Eventually.await(() -> engine.management().get("/metrics").body(), s -> missing(wanted, s).isEmpty(), Duration.ofSeconds(15));
      assertEquals(Set.of(), missing(wanted, scrape));

      assertTrue(scrape.contains("pingyi_ballots_accepted_total 1.0"), "the accepted ballot is counted");
      assertTrue(scrape.contains("pingyi_ballots_refused_total{code=\"already_voted\"} 1.0"));
      assertTrue(scrape.contains("pingyi_logins_total{outcome=\"ok\"} 1.0"));
      assertTrue(scrape.contains("pingyi_logins_total{outcome=\"replayed\"} 1.0"));
      for (String personal : new String[] {rep, engine.subjectOf(rep), "演示代表", access}) {
        assertFalse(scrape.contains(personal), "no personal data or token in metrics");
      }
      long active = engine.count("SELECT count(*) FROM representatives WHERE status = ?", "active");
      String counted = Eventually.await(() -> engine.management().get("/metrics").body(), s -> eligible(s, "econ1-2024") == active,
          Duration.ofSeconds(15));
      assertEquals(active, eligible(counted, "econ1-2024"), "turnout.eligible sums to every active representative");
    }
  }

  private static long eligible(String scrape, String session) {
    return Math.round(scrape.lines()
        .filter(l -> l.startsWith("pingyi_turnout_eligible{") && l.contains("session=\"" + session + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
  }

  private static Set<String> missing(Set<String> wanted, String scrape) {
    Set<String> missing = new TreeSet<>();
    for (String name : wanted) {
      boolean present = scrape.lines().anyMatch(l -> !l.startsWith("#") && (l.startsWith(name + " ") || l.startsWith(name + "{")));
      if (!present) {
        missing.add(name);
      }
    }
    return missing;
  }
}
