package org.pingyi.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.PrometheusServer;
import org.pingyi.support.TestEngine;

/**
 * A real Prometheus with the project's scrape config and alert rules, scraping a test engine's management port
 * while ballots arrive: every Grafana panel's query returns series, every alert expression evaluates without error.
 */
class PrometheusDashboardTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyDashboardPanelReturnsSeriesAndEveryAlertEvaluatesInARealPrometheusScrapingTheManagementPort() throws Exception {
    Map<String, String> panels = panelQueries();
    Map<String, String> alerts = alertExpressions();
    assertTrue(panels.size() >= 20 && alerts.size() >= 9, panels.size() + " panel queries, " + alerts.size() + " alerts");
    try (TestEngine engine = TestEngine.start();
         PrometheusServer prometheus = PrometheusServer.start(List.of("127.0.0.1:" + engine.engine().managementPort()))) {
      engine.open("econ1-2024");
      AtomicBoolean done = new AtomicBoolean();
      Thread voters = new Thread(() -> vote(engine, done), "voters");
      voters.start();
      try {
        Map<String, JsonObject> answers = Eventually.await(() -> evaluate(prometheus, panels),
            a -> a.values().stream().allMatch(PrometheusDashboardTest::hasSeries), Duration.ofSeconds(60));
        answers.forEach((panel, answer) -> assertTrue(hasSeries(answer), panel + " returns no series: " + answer.encode()));
      } finally {
        done.set(true);
        voters.join();
      }
      JsonObject up = prometheus.query("up{job=\"pingyi\"}");
      assertEquals("1", up.getJsonObject("data").getJsonArray("result").getJsonObject(0).getJsonArray("value").getString(1),
          "Prometheus scrapes the engine's management port");

      alerts.forEach((alert, expr) -> {
        JsonObject answer = prometheus.query(expr);
        assertEquals("success", answer.getString("status"), alert + ": " + answer.encode());
      });
      List<String> unhealthy = Eventually.await(() -> unhealthyRules(prometheus), u -> u.isEmpty(), Duration.ofSeconds(15));
      assertEquals(List.of(), unhealthy, "Prometheus evaluates every alert rule without error");
    }
  }

  /** Representatives log in through the dev provider and vote, one every 200 ms, with a replay and a second ballot. */
  private static void vote(TestEngine engine, AtomicBoolean done) {
    try {
      Api api = engine.api();
      List<String> reps = engine.activeRepresentatives(300);
      for (int i = 0; i < reps.size() && !done.get(); i++) {
        String idToken = api.postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", reps.get(i)))
            .json().getString("idToken");
        String access = api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken)).json().getString("accessToken");
        api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"), Api.bearer(access));
        if (i % 10 == 0) {
          api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken));
          api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"), Api.bearer(access));
        }
        Thread.sleep(200);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, JsonObject> evaluate(PrometheusServer prometheus, Map<String, String> queries) {
    Map<String, JsonObject> answers = new LinkedHashMap<>();
    queries.forEach((name, expr) -> answers.put(name, prometheus.query(expr)));
    return answers;
  }

  private static boolean hasSeries(JsonObject answer) {
    return "success".equals(answer.getString("status")) && !answer.getJsonObject("data").getJsonArray("result").isEmpty();
  }

  private static List<String> unhealthyRules(PrometheusServer prometheus) {
    List<String> unhealthy = new ArrayList<>();
    prometheus.rules().getJsonObject("data").getJsonArray("groups").forEach(g -> ((JsonObject) g).getJsonArray("rules").forEach(r -> {
      JsonObject rule = (JsonObject) r;
      if (!"ok".equals(rule.getString("health"))) {
        unhealthy.add(rule.getString("name") + ": " + rule.getString("health") + " " + rule.getString("lastError", ""));
      }
    }));
    return unhealthy;
  }

  /** Every target of every panel of the Grafana dashboard, by "panel title #n". */
  static Map<String, String> panelQueries() throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    collect(JSON.readTree(TestEngine.PROJECT.resolve("config/grafana/dashboards/pingyi-evening.json").toFile()).get("panels"), queries);
    return queries;
  }

  private static void collect(JsonNode panels, Map<String, String> queries) {
    for (JsonNode panel : panels) {
      int n = 0;
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertTrue(!expr.contains("$"), "the dashboard uses no Grafana variables Prometheus cannot evaluate: " + expr);
        queries.put(panel.path("title").asText() + " #" + ++n, expr);
      }
      if (panel.has("panels")) {
        collect(panel.get("panels"), queries);
      }
    }
  }

  static Map<String, String> alertExpressions() throws Exception {
    Map<String, String> alerts = new LinkedHashMap<>();
    for (JsonNode group : YAML.readTree(PrometheusServer.CONFIG_DIR.resolve("alerts.yml").toFile()).get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        alerts.put(rule.get("alert").asText(), rule.get("expr").asText());
      }
    }
    return alerts;
  }
}
