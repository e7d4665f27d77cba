package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;

/** /metrics lives on the management port only; /health/* answers on both ports. */
class ManagementPortTest {
  static TestEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void thePublicPortAnswers404ProblemForMetricsInEverySpelling() {
    for (String path : new String[] {"/metrics", "/metrics/", "/metrics?x", "/metrics/anything", "/metrics/../metrics",
        "//metrics", "/METRICS", "/%6Detrics", "/metrics.txt"}) {
      Api.Reply reply = engine.api().get(path);
      assertEquals(404, reply.status(), path);
      assertEquals(Problems.CONTENT_TYPE, reply.header("Content-Type"), path);
      assertEquals("not_found", reply.code(), path);
      assertFalse(reply.body().contains("pingyi_"), path);
    }
  }

  @Test
  void theManagementPortServesMetricsInThePrometheusFormat() {
    assertNotEquals(engine.engine().httpPort(), engine.engine().managementPort());
    Api.Reply reply = engine.management().get("/metrics");
    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("text/plain; version=0.0.4"), reply.header("Content-Type"));
    assertTrue(reply.body().contains("# TYPE pingyi_ballots_accepted_total counter"), reply.body());
  }

  @Test
  void healthAnswersOnBothPorts() {
    for (Api api : new Api[] {engine.api(), engine.management()}) {
      assertEquals(200, api.get("/health/live").status());
      Api.Reply ready = api.get("/health/ready");
      assertEquals(200, ready.status());
      assertEquals("ready", ready.json().getString("status"));
    }
  }

  @Test
  void theManagementPortServesNothingElse() {
    for (String path : new String[] {"/api/v1/sessions", "/", "/console"}) {
      Api.Reply reply = engine.management().get(path);
      assertEquals(404, reply.status(), path);
      assertEquals("not_found", reply.code(), path);
    }
  }
}
