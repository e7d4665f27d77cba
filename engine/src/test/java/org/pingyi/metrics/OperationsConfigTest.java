package org.pingyi.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingyi.support.TestEngine;

/** Prometheus' own checker accepts the scrape config and the alert rules operators rely on. */
class OperationsConfigTest {
  static final Path PROMETHEUS = TestEngine.PROJECT.resolve("config/prometheus");

  static String promtool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), output);
    return output;
  }

  @Test
  void promtoolAcceptsTheScrapeConfig() throws Exception {
    assertTrue(promtool("check", "config", "prometheus.yml").contains("SUCCESS"));
  }

  @Test
  void promtoolAcceptsTheAlertRules() throws Exception {
    String output = promtool("check", "rules", "alerts.yml");
    assertTrue(output.contains("SUCCESS: 9 rules found"), output);
  }

  @Test
  void promtoolUnitTestsProveEveryAlertFiresWhenItShouldAndStaysSilentWhenItShouldNot() throws Exception {
    String output = promtool("test", "rules", "alerts.test.yml");
    assertTrue(output.contains("SUCCESS"), output);
    Set<String> fires = new TreeSet<>();
    Set<String> silent = new TreeSet<>();
    JsonNode tests = new ObjectMapper(new YAMLFactory()).readTree(PROMETHEUS.resolve("alerts.test.yml").toFile()).get("tests");
    for (JsonNode group : tests) {
      for (JsonNode check : group.get("alert_rule_test")) {
        (check.get("exp_alerts").isEmpty() ? silent : fires).add(check.get("alertname").asText());
      }
    }
    Set<String> alerts = new TreeSet<>(PrometheusDashboardTest.alertExpressions().keySet());
    assertEquals(alerts, fires, "a case where each alert fires");
    assertEquals(alerts, silent, "a case where each alert stays silent");
  }

  /** Metric names an expression refers to (functions, labels and keywords aside). */
  static Set<String> metricNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\b((?:pingyi|vertx|jvm|process|system)_[a-z0-9_]+)\\b").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static String dashboardAndAlerts() throws Exception {
    return Files.readString(TestEngine.PROJECT.resolve("config/grafana/dashboards/pingyi-evening.json"))
        + Files.readString(PROMETHEUS.resolve("alerts.yml"));
  }
}
