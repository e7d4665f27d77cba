package org.pingyi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pingyi.report.ReportSheets.isNumber;
import static org.pingyi.report.ReportSheets.number;
import static org.pingyi.report.ReportSheets.rowStarting;
import static org.pingyi.report.ReportSheets.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.results.HandCount;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.BrowserSpec;
import org.pingyi.support.SuggestionApi;
import org.pingyi.support.TestEngine;

/**
 * The edition report on a whole edition driven through the real engine: representatives log in through the demo
 * face-auth provider and vote ballots the test makes itself; econ1 is sealed while econ2 is still open. The workbook
 * then holds econ1's sealed figures exactly (against results.json and the test's own count), suppresses the small
 * cells of every breakdown (three volunteers, a district of three), shows econ2 as not sealed and counts none of its
 * ballots, and only an auditor gets it. Once every session is published anyone gets both files, and the page renders
 * styled in Chromium under its own CSP.
 */
class ReportTest {
  static final Edition EDITION = EditionLoader.load(TestEngine.EDITION);
  static final String SMALL_DISTRICT = "laixi";
  static final String XLSX = "/api/v1/admin/report.xlsx";
  static final String HTML = "/api/v1/admin/report.html";
  static TestEngine engine;
  static Api api;
  static ReportEvening evening;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
    evening = new ReportEvening(engine, SMALL_DISTRICT);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void theReportHoldsOnlySealedFiguresWithSmallCellsSuppressedAndOpensToAllOnceEverySessionIsPublished() throws Exception {
    evening.leaveThreeActiveIn(SMALL_DISTRICT);
    Map<String, String[]> roster = evening.activeRoster();  // id → {weightClass, district}
    engine.open("econ1-2024");
    engine.open("econ2-2024");

    // econ1: 20 service, 8 society and 3 volunteer representatives, one of them from the small district.
    List<String> econ1Voters = new ArrayList<>();
    String fromSmallDistrict = roster.entrySet().stream().filter(e -> e.getValue()[1].equals(SMALL_DISTRICT))
        .findFirst().orElseThrow().getKey();
    econ1Voters.add(fromSmallDistrict);
    for (String weightClass : List.of("service", "society", "volunteer")) {
      int wanted = Map.of("service", 20, "society", 8, "volunteer", 3).get(weightClass);
      while (econ1Voters.stream().filter(r -> roster.get(r)[0].equals(weightClass)).count() < wanted) {
        econ1Voters.add(evening.firstOf(roster, weightClass, Set.copyOf(econ1Voters)));
      }
    }
    HandCount hand = new HandCount(EDITION, "econ1-2024");
    Random random = new Random(17);
    Map<String, Long> votedByDistrict = new HashMap<>();
    long scaleSum = 0;
    for (int i = 0; i < econ1Voters.size(); i++) {
      String rep = econ1Voters.get(i);
      JsonObject ballot = Ballots.random(Ballots.ECON1, random)
          .put("survey", new JsonObject().put("q_education", 1 + i % 5).put("q_education_issue", i % 2 == 0 ? "places" : "quality"));
      scaleSum += 1 + i % 5;
      Map<String, String> scores = new TreeMap<>();
      ballot.getJsonObject("scores").forEach(e -> scores.put(e.getKey(), (String) e.getValue()));
      hand.count(roster.get(rep)[0], scores);
      votedByDistrict.merge(roster.get(rep)[1], 1L, Long::sum);
      assertEquals(201, evening.vote(rep, "econ1-2024", ballot).status());
    }
    // econ2 stays open: its ballots and their survey answers are live figures, which the report never shows.
    List<String> econ2 = List.of("D09", "D10", "D11", "D12", "D13", "D14", "D15", "D16");
    List<String> econ2Voters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String rep = evening.firstOf(roster, "service", evening.union(econ1Voters, econ2Voters));
      econ2Voters.add(rep);
      assertEquals(201, evening.vote(rep, "econ2-2024", Ballots.all(econ2, "dissatisfied")
          .put("survey", new JsonObject().put("q_education", 5).put("q_education_issue", "burden"))).status());
    }
    // Suggestions: one answered by D07, one assigned to D12.
    SuggestionApi suggestions = new SuggestionApi(engine);
    String citizen = suggestions.citizen("report-test-citizen");
    String first = suggestions.suggest(citizen, "economy", "D07", "外贸企业申报流程可以再简化", null);
    String second = suggestions.suggest(citizen, "urban", null, "老旧小区加装电梯", null);
    assertEquals(200, suggestions.assign(first, "D07").status());
    assertEquals(200, suggestions.assign(second, "D12").status());
    assertEquals(200, suggestions.answer("D07", first, "已简化为一次申报", true, null).status());

    evening.admin("close", "econ1-2024");
    evening.admin("seal", "econ1-2024");
    JsonObject econ1Results = api.get("/api/v1/sessions/econ1-2024/results", Api.bearer(engine.auditor())).json();

    // Before every session is published: an auditor only, and each of their reads is audit-logged.
    for (String path : List.of(XLSX, HTML)) {
      assertEquals("embargoed", api.get(path).code(), path + " anonymous");
      assertEquals("embargoed", api.get(path, Api.bearer(engine.operator())).code(), path + " operator");
      assertEquals(403, api.get(path, Api.bearer(engine.department("D07"))).status(), path + " department");
      assertEquals(403, api.get(path, Api.bearer("not-a-token")).status(), path + " a wrong token");
    }
    HttpResponse<byte[]> embargoed = evening.download(XLSX, engine.auditor());
    assertEquals(200, embargoed.statusCode());
    assertEquals(XlsxReport.CONTENT_TYPE, embargoed.headers().firstValue("Content-Type").orElse(null));
    assertTrue(engine.count("SELECT count(*) FROM audit_log WHERE action = ? AND target = ? AND actor LIKE ?",
        "embargoed.read", EDITION.id(), "auditor:%") >= 1, "the auditor's read is in the audit log");

    ReportSheets workbook = new ReportSheets(embargoed.body());
    assertEquals(List.of("概况 Overview", "市级机关内部述职", "经济建设一组", "经济建设二组", "政务服务组", "管理执法组",
        "参评情况 Turnout", "社情民意调查 Survey", "意见建议办理 Suggestions", "核验 Verification"), workbook.names());
    assertTrue(workbook.text("概况 Overview").contains(ReportWords.EMBARGOED));
    rankingIsTheSealedResults(workbook, econ1Results, hand);
    weightClassSmallCellsAreSuppressed(workbook);
    assertTrue(workbook.text("经济建设二组").contains(ReportWords.NOT_SEALED), "econ2 is open: shown as not sealed");
    assertFalse(workbook.text("经济建设二组").contains(ReportWords.RANK), "and without a ranking");
    turnoutIsSealedWithTheSmallDistrictSuppressed(workbook, votedByDistrict, econ1Voters.size());
    surveyCountsSealedSessionsOnly(workbook, econ1Voters.size(), scaleSum);
    suggestionFiguresAreTheStatistics(workbook);
    verificationHoldsChainRootKeyAndEditionHash(workbook, econ1Results, "econ1-2024");
    inChromium("console");

    // Every session sealed and published: the report is public.
    evening.admin("close", "econ2-2024");
    evening.admin("seal", "econ2-2024");
    for (String session : List.of("internal-2024", "service-2024", "enforcement-2024")) {
      evening.admin("open", session);
      evening.admin("close", session);
      evening.admin("seal", session);
    }
    for (String session : List.of("internal-2024", "econ1-2024", "econ2-2024", "service-2024")) {
      evening.admin("publish", session);
    }
    assertEquals("embargoed", api.get(XLSX, Api.bearer(engine.operator())).code(), "four of five published is not all");
    evening.admin("publish", "enforcement-2024");

    HttpResponse<byte[]> published = evening.download(XLSX, null);
    assertEquals(200, published.statusCode(), "anyone, once every session is published");
    ReportSheets publicBook = new ReportSheets(published.body());
    assertTrue(publicBook.text("概况 Overview").contains(ReportWords.PUBLIC));
    JsonObject econ1Published = api.get("/api/v1/sessions/econ1-2024/results").json();
    rankingIsTheSealedResults(publicBook, econ1Published, hand);
    Row econ1Keys = publicBook.sheet("核验 Verification").get(rowStarting(publicBook.sheet("核验 Verification"), "econ1-2024"));
    assertEquals(econ1Results.getString("keyId"), text(econ1Keys, 5), "the seal's key id");
    assertEquals(econ1Published.getString("keyId"), text(econ1Keys, 6), "the publication's key id");
    assertTrue(publicBook.text("经济建设二组").contains("市财政局"), "econ2 now has its ranking");

    HttpResponse<byte[]> page = evening.download(HTML, null);
    assertEquals(200, page.statusCode());
    String html = new String(page.body(), StandardCharsets.UTF_8);
    ReportPageChecks.htmlHasEveryGroupAndChainRoot(html, EDITION, api);
    ReportPageChecks.htmlIsStyledUnderItsOwnPolicy(html, page.headers().firstValue("Content-Security-Policy").orElseThrow());
    inChromium("page");
    assertTrue(Files.size(BrowserSpec.SHOTS.resolve("report.pdf")) > 10_000);
  }

  /** The group's sheet, row by row: rank, code, score, raw mean, satisfaction, votes, grades as sealed; and by hand. */
  private static void rankingIsTheSealedResults(ReportSheets workbook, JsonObject results, HandCount hand) {
    List<Row> rows = workbook.sheet("经济建设一组");
    int header = rowStarting(rows, ReportWords.RANK);
    JsonArray sealed = results.getJsonArray("results");
    assertEquals(8, sealed.size());
    for (int i = 0; i < sealed.size(); i++) {
      JsonObject expected = sealed.getJsonObject(i);
      Row row = rows.get(header + 1 + i);
      String code = expected.getJsonObject("department").getString("code");
      String where = "rank " + (i + 1) + " " + code;
      assertEquals(i + 1, number(row, 0).intValue(), where);
      assertEquals(code, text(row, 1), where);
      assertEquals(expected.getJsonObject("department").getString("name"), text(row, 2), where);
      assertSame(expected.getValue("score"), number(row, 3), where + " score");
      assertSame(expected.getValue("rawMean"), number(row, 4), where + " raw mean");
      assertSame(expected.getValue("satisfactionRate"), number(row, 5), where + " satisfaction");
      assertEquals(expected.getLong("votes"), number(row, 6).longValue(), where + " votes");
      for (int g = 0; g < EDITION.grades().size(); g++) {
        assertEquals(expected.getJsonObject("grades").getLong(EDITION.grades().get(g).code()), number(row, 7 + g).longValue(),
            where + " " + EDITION.grades().get(g).code());
      }
      // The test's own count of the ballots it sent, independent of the engine's scoring.
      HandCount.Figures own = hand.figures(code);
      assertEquals(0, own.score().compareTo(number(row, 3)), where + " score by hand");
      assertEquals(0, own.satisfactionRate().compareTo(number(row, 5)), where + " satisfaction by hand");
      assertEquals(31, number(row, 6).longValue(), where + " votes by hand");
      assertEquals(0, own.meanByClass().get("service").compareTo(number(row, 7 + EDITION.grades().size())),
          where + " service mean by hand");
    }
    assertFalse(isNumber(rows.get(header + 1 + sealed.size()), 0), "no row past the group's departments");
  }

  /** 3 volunteers: a small cell; then society (8), the smallest left, goes too, so neither is the total minus the rest. */
  private static void weightClassSmallCellsAreSuppressed(ReportSheets workbook) {
    List<Row> rows = workbook.sheet("经济建设一组");
    int header = rowStarting(rows, ReportWords.RANK);
    int classes = 7 + EDITION.grades().size();
    for (int i = 1; i <= 8; i++) {
      Row row = rows.get(header + i);
      assertEquals(20, number(row, classes + 1).longValue(), "service: 20 voters, shown");
      for (int k : new int[] {1, 2}) {
        assertEquals(ReportWords.SUPPRESSED, text(row, classes + 2 * k), EDITION.weightClasses().get(k).code() + " mean");
        assertEquals(ReportWords.SUPPRESSED, text(row, classes + 2 * k + 1), EDITION.weightClasses().get(k).code() + " votes");
      }
    }
    assertTrue(workbook.text("经济建设一组").contains(ReportWords.smallCells(5)), "the rule is written under the table");
  }

  private static void turnoutIsSealedWithTheSmallDistrictSuppressed(ReportSheets workbook, Map<String, Long> voted,
      long voters) throws Exception {
    List<Row> rows = workbook.sheet("参评情况 Turnout");
    Map<String, Long> eligible = new LinkedHashMap<>();
    for (Edition.District d : EDITION.districts()) {
      eligible.put(d.code(), engine.count("SELECT count(*) FROM representatives WHERE status = 'active' AND district = ?", d.code()));
    }
    assertEquals(3L, eligible.get(SMALL_DISTRICT));
    // The small district is suppressed, and with it the smallest other district (else it were the total minus the rest).
    String smallestOther = eligible.entrySet().stream().filter(e -> !e.getKey().equals(SMALL_DISTRICT))
        .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    int shown = 0;
    for (Row row : rows) {
      if (!"econ1-2024".equals(text(row, 0)) || ReportWords.TOTAL.equals(text(row, 2))) {
        continue;
      }
      String district = EDITION.districts().stream().filter(d -> d.label().equals(text(row, 2))).findFirst().orElseThrow().code();
      if (district.equals(SMALL_DISTRICT) || district.equals(smallestOther)) {
        assertEquals(ReportWords.SUPPRESSED, text(row, 3), district);
        assertEquals(ReportWords.SUPPRESSED, text(row, 4), district);
      } else {
        assertEquals(eligible.get(district), number(row, 3).longValue(), district + " eligible");
        assertEquals(voted.getOrDefault(district, 0L), number(row, 4).longValue(), district + " voted");
        shown++;
      }
    }
    assertEquals(8, shown, "the other eight districts are shown");
    Row total = rows.stream().filter(r -> "econ1-2024".equals(text(r, 0)) && ReportWords.TOTAL.equals(text(r, 2))).findFirst().orElseThrow();
    assertEquals(eligible.values().stream().mapToLong(Long::longValue).sum(), number(total, 3).longValue());
    assertEquals(voters, number(total, 4).longValue(), "the sealed ballots, counted in PostgreSQL");
    Row econ2 = rows.get(rowStarting(rows, "econ2-2024"));
    assertTrue(text(econ2, 2).startsWith(ReportWords.NOT_SEALED), "econ2's live turnout is not in the report");
  }

  /** Only econ1's respondents: econ2's answers (all "5", all "burden") are still live. */
  private static void surveyCountsSealedSessionsOnly(ReportSheets workbook, long respondents, long scaleSum) {
    List<Row> rows = workbook.sheet("社情民意调查 Survey");
    assertTrue(workbook.text("社情民意调查 Survey").contains(ReportWords.RESPONDENTS + ": " + respondents));
    String education = EDITION.questions().stream().filter(q -> q.id().equals("q_education")).findFirst().orElseThrow().text();
    BigDecimal mean = null;
    long burden = -1;
    for (Row row : rows) {
      if (education.equals(text(row, 1)) && ReportWords.SCALE_MEAN.equals(text(row, 2))) {
        mean = number(row, 3);
      }
      if ("课后服务与减负".equals(text(row, 2))) {
        burden = number(row, 3).longValue();
      }
    }
    assertNotNull(mean);
    assertEquals(0, BigDecimal.valueOf(scaleSum).divide(BigDecimal.valueOf(respondents), 2, RoundingMode.HALF_UP)
        .compareTo(mean), "the scale's mean over econ1's ballots");
    assertEquals(0, burden, "no sealed ballot chose 'burden'");
  }

  private static void suggestionFiguresAreTheStatistics(ReportSheets workbook) {
    JsonObject stats = api.get("/api/v1/admin/suggestions/stats", Api.bearer(engine.operator())).json();
    List<Row> rows = workbook.sheet("意见建议办理 Suggestions");
    for (String code : List.of("D07", "D12", "D01")) {
      JsonObject expected = stats.getJsonArray("departments").stream().map(JsonObject.class::cast)
          .filter(d -> d.getJsonObject("department").getString("code").equals(code)).findFirst().orElseThrow();
      Row row = rows.get(rowStarting(rows, code));
      List<String> columns = List.of("received", "answered", "answeredOnTime", "overdue", "reopened", "satisfied",
          "dissatisfied", "adopted");
      for (int c = 0; c < columns.size(); c++) {
        assertEquals(expected.getLong(columns.get(c)), number(row, 2 + c).longValue(), code + " " + columns.get(c));
      }
    }
    Row d07 = rows.get(rowStarting(rows, "D07"));
    assertEquals(1, number(d07, 2).longValue(), "D07 received one");
    assertEquals(1, number(d07, 3).longValue(), "and answered it");
    assertEquals(1, number(d07, 9).longValue(), "adopting it");
  }

  private static void verificationHoldsChainRootKeyAndEditionHash(ReportSheets workbook, JsonObject results, String session) {
    List<Row> rows = workbook.sheet("核验 Verification");
    Row row = rows.get(rowStarting(rows, session));
    assertEquals(results.getLong("ballots"), number(row, 3).longValue());
    assertEquals(results.getString("chainRoot"), text(row, 4));
    assertEquals(results.getString("keyId"), text(row, 5));
    assertEquals(results.getString("editionSha256"), text(row, 7));
    assertTrue(workbook.text("核验 Verification").contains(ReportWords.EDITION_SHA256 + ": " + results.getString("editionSha256")));
  }

  /**
   * report.spec.mjs: "console", an auditor downloads the workbook from the console and an operator may not (before
   * publication); "page", Chromium renders the page styled under its CSP and prints it to A4 (report.pdf).
   */
  private static void inChromium(String part) throws Exception {
    BrowserSpec.run("report.spec.mjs", "browser-report-" + part + ".log", Map.of(
        "PART", part,
        "BASE_URL", "http://127.0.0.1:" + engine.engine().httpPort(),
        "AUDITOR", engine.auditor(),
        "OPERATOR", engine.operator(),
        "EDITION", EDITION.id(),
        "GROUPS", String.join(",", EDITION.sessions().stream().map(Edition.Session::group).toList())),
        "report " + part + " checks passed", 120);
  }

  private static void assertSame(Object published, BigDecimal inWorkbook, String what) {
    assertTrue(published != null && new BigDecimal(published.toString()).compareTo(inWorkbook) == 0,
        what + ": sealed " + published + ", in the workbook " + inWorkbook);
  }
}
