package org.pingyi.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pingyi.results.ResultsVerifier;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEditions;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/** No breakdown shows a cell of fewer voters than privacy.minCellSize, and the verifier still verifies. */
class SmallCellsTest {

  @Test
  void aSmallCellAndTheOneThatWouldGiveItAwayAreSuppressedEmptyCellsStay() {
    Map<String, Long> cells = new LinkedHashMap<>();
    cells.put("service", 7L);
    cells.put("society", 6L);
    cells.put("volunteer", 2L);
    cells.put("none", 0L);
    assertEquals(Set.of("volunteer", "society"), SmallCells.suppressed(cells, 5),
        "one suppressed cell is the total minus the others: the next smallest goes too");
    assertEquals(Set.of(), SmallCells.suppressed(Map.of("a", 5L, "b", 0L), 5));
    Map<String, Long> two = new LinkedHashMap<>();
    two.put("a", 1L);
    two.put("b", 1L);
    two.put("c", 9L);
    two.put("d", 9L);
    assertEquals(Set.of("a", "b", "c"), SmallCells.suppressed(two, 5), "two tiny cells together are still under 5");
    Map<String, Long> ties = new LinkedHashMap<>();
    ties.put("x", 3L);
    ties.put("y", 8L);
    ties.put("z", 8L);
    assertEquals(List.of("x", "y"), new ArrayList<>(SmallCells.suppressed(ties, 5)), "ties go in the breakdown's order");
  }

  @Test
  void sealedResultsSuppressSmallWeightClassesAndStillVerifyExactly() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      List<String> voters = new ArrayList<>();
      voters.addAll(ofClass(engine, "service", 7));
      voters.addAll(ofClass(engine, "society", 6));
      voters.addAll(ofClass(engine, "volunteer", 2));
      for (int i = 0; i < voters.size(); i++) {
        Api.Reply r = engine.api().postJson("/api/v1/sessions/econ1-2024/ballots",
            Ballots.all(Ballots.ECON1, Ballots.GRADES.get(i % 4)), Api.bearer(engine.accessToken(voters.get(i))));
        assertEquals(201, r.status(), r.body());
      }
      for (String step : List.of("close", "seal")) {
        assertEquals(200, engine.api().post("/api/v1/admin/sessions/econ1-2024/" + step, "", Api.bearer(engine.operator())).status());
      }
      Api.Reply results = engine.api().get("/api/v1/sessions/econ1-2024/results", Api.bearer(engine.auditor()));
      JsonObject d01 = results.json().getJsonArray("results").stream().map(JsonObject.class::cast)
          .filter(r -> "D01".equals(r.getJsonObject("department").getString("code"))).findFirst().orElseThrow();
      JsonObject byClass = d01.getJsonObject("byWeightClass");
      assertEquals(7, byClass.getJsonObject("service").getLong("votes"), "a cell of 7 is shown");
      assertEquals(new JsonObject().put("suppressed", true), byClass.getJsonObject("volunteer"), "a cell of 2 is not");
      assertEquals(new JsonObject().put("suppressed", true), byClass.getJsonObject("society"),
          "nor the 6, which the total of 15 minus 7 minus 6 would give away");
      assertEquals(15, d01.getLong("votes"), "the department's own figures are never suppressed");
      assertTrue(d01.getValue("score") != null);

      String csv = engine.api().get("/api/v1/sessions/econ1-2024/results.csv", Api.bearer(engine.auditor())).body();
      assertTrue(csv.lines().skip(1).allMatch(l -> l.endsWith(",suppressed,suppressed,suppressed,suppressed")), csv);

      Path dir = Files.createTempDirectory("pingyi-small-cells");
      Path ballots = dir.resolve("ballots.ndjson");
      Path doc = dir.resolve("results.json");
      Files.writeString(ballots, engine.api().get("/api/v1/admin/sessions/econ1-2024/ballots.ndjson", Api.bearer(engine.auditor())).body());
      Files.writeString(doc, results.body());
      Path keys = dir.resolve("jwks.json");
      Files.writeString(keys, engine.api().get("/api/v1/keys").body());
      // The signed document is the suppressed one, and verify --keys applies the same rule to the recount.
      var verdict = ResultsVerifier.verify(ballots, TestEngine.EDITION, doc, Optional.of(keys));
      assertTrue(verdict.verified(), verdict.message());
      assertTrue(verdict.message().contains("signed by key " + results.json().getString("keyId")), verdict.message());

      String revealed = results.body().replaceFirst("\"society\":\\{\"suppressed\":true}", "\"society\":{\"mean\":60.00,\"votes\":6}");
      assertFalse(revealed.equals(results.body()));
      Files.writeString(doc, revealed);
      var tampered = ResultsVerifier.verify(ballots, TestEngine.EDITION, doc, Optional.empty());
      assertFalse(tampered.verified(), "a small cell shown with figures is a difference");
      assertTrue(tampered.message().contains("byWeightClass.society"), tampered.message());
      assertFalse(ResultsVerifier.verify(ballots, TestEngine.EDITION, doc, Optional.of(keys)).verified(),
          "nor does the signature cover it");
    }
  }

  @Test
  void turnoutHidesDistrictsOfFewEligibleInTheApiTheStreamAndTheMetrics() throws Exception {
    // With minCellSize 297: 城阳 (296 eligible) is small, and 黄岛 (297, first of the two smallest left) goes with it.
    Path edition = TestEditions.replacing("minCellSize: 5", "minCellSize: 297");
    try (TestEngine engine = TestEngine.start(Map.of("edition", edition.toString()))) {
      engine.open("econ1-2024");
      JsonObject turnout = engine.api().get("/api/v1/sessions/econ1-2024/turnout", Api.bearer(engine.operator())).json();
      Map<String, JsonObject> byDistrict = new LinkedHashMap<>();
      turnout.getJsonArray("byDistrict").forEach(d -> byDistrict.put(((JsonObject) d).getString("district"), (JsonObject) d));
      assertEquals(new JsonObject().put("district", "chengyang").put("suppressed", true), byDistrict.get("chengyang"));
      assertEquals(new JsonObject().put("district", "huangdao").put("suppressed", true), byDistrict.get("huangdao"));
      assertEquals(297, byDistrict.get("jiaozhou").getLong("eligible"));
      assertEquals(3000, turnout.getLong("eligible"), "the total stays");
      String metrics = Eventually.await(() -> engine.management().get("/metrics").body(),
          m -> m.contains("pingyi_turnout_eligible{district=\"jiaozhou\""), Duration.ofSeconds(10));
      assertTrue(metrics.contains("pingyi_turnout_eligible{district=\"jiaozhou\""), "the gauges are there");
      assertFalse(metrics.contains("district=\"chengyang\"") || metrics.contains("district=\"huangdao\""),
          "and have no series for a small cell");
    }
  }

  private static List<String> ofClass(TestEngine engine, String weightClass, int n) throws Exception {
    try (var c = TestServers.connect(engine.database());
         PreparedStatement st = c.prepareStatement(
             "SELECT id FROM representatives WHERE status = 'active' AND weight_class = ? ORDER BY id LIMIT ?")) {
      st.setString(1, weightClass);
      st.setInt(2, n);
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
