package org.pingyi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEditions;
import org.pingyi.support.TestEngine;

/**
 * An edition without an embargo on rankings still keeps its report an auditor's until every session is published
 * (API.md): the report also holds per-district turnout and the suggestions' figures.
 */
class ReportEmbargoTest {
  @Test
  void withoutAnEmbargoOnRankingsTheReportStillWaitsForEverySessionToBePublished() throws Exception {
    Path edition = TestEditions.replacing("embargo: untilPublished", "embargo: none");
    try (TestEngine engine = TestEngine.start(Map.of("edition", edition.toString()))) {
      Api api = engine.api();
      engine.open("econ1-2024");
      assertEquals(200, api.get("/api/v1/sessions/econ1-2024/live").status(), "this edition shows live rankings to all");
      for (String path : new String[] {"/api/v1/admin/report.xlsx", "/api/v1/admin/report.html"}) {
        Api.Reply anonymous = api.get(path);
        assertEquals(403, anonymous.status(), path);
        assertEquals("embargoed", anonymous.code(), path);
        assertEquals("embargoed", api.get(path, Api.bearer(engine.operator())).code(), path);
        assertEquals(200, api.get(path, Api.bearer(engine.auditor())).status(), path);
      }
    }
  }
}
