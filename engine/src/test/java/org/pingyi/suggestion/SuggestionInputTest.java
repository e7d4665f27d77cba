package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.SuggestionApi;
import org.pingyi.support.TestEngine;

/** Bad input on every route of the loop: one problem+json answer each, and nothing stored or changed. */
class SuggestionInputTest {
  static TestEngine engine;
  static Api api;
  static SuggestionApi loop;
  static String author;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
    loop = new SuggestionApi(engine);
    author = loop.citizen("face-input");
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /** Everything the loop writes, so a refusal can be shown to have written nothing. */
  static List<Long> written() throws Exception {
    return List.of(engine.count("SELECT count(*) FROM suggestions"), engine.count("SELECT count(*) FROM suggestion_steps"),
        engine.count("SELECT count(*) FROM audit_log"), engine.count("SELECT count(*) FROM sms_outbox"),
        engine.count("SELECT coalesce(sum(used), 0) FROM suggestion_quota"),
        engine.count("SELECT count(*) FROM suggestions WHERE updated_at <> created_at"));
  }

  static void refused(Api.Reply reply, int status, String code, String... fields) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertEquals(code, reply.code());
    if (fields.length > 0) {
      assertEquals(List.of(fields), reply.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList());
    }
    assertTrue(!reply.body().contains("SQL") && !reply.body().contains("Exception"), reply.body());
  }

  @Test
  void aBadSuggestionIsRefusedWithEveryProblemNamedAndNothingStored() throws Exception {
    List<Long> before = written();
    refused(loop.submit(author, new JsonObject().put("topic", "weather").put("text", "x")), 422, "invalid_suggestion", "topic");
    refused(loop.submit(author, new JsonObject().put("topic", "urban").put("department", "D99").put("text", "x")), 422,
        "invalid_suggestion", "department");
    refused(loop.submit(author, new JsonObject().put("topic", "urban").put("text", "好".repeat(2001))), 422, "invalid_suggestion", "text");
    refused(loop.submit(author, new JsonObject().put("topic", "urban").put("text", "   ")), 422, "invalid_suggestion", "text");
    refused(loop.submit(author, new JsonObject().put("topic", "urban")), 422, "invalid_suggestion", "text");
    refused(loop.submit(author, new JsonObject().put("topic", "urban").put("text", "x").put("phone", "call me")), 422,
        "invalid_suggestion", "phone");
    refused(loop.submit(author, new JsonObject().put("topic", 7).put("department", "D99").put("text", "")), 422,
        "invalid_suggestion", "topic", "department", "text");
    refused(api.post("/api/v1/suggestions", "not json", "Content-Type", "application/json", "Authorization", "Bearer " + author),
        400, "malformed_request");
    refused(api.postJson("/api/v1/suggestions", new JsonObject().put("topic", "urban").put("text", "x")), 401, "unauthenticated");
    refused(api.postJson("/api/v1/suggestions", new JsonObject().put("topic", "urban").put("text", "x"), Api.bearer("forged.token.here")),
        401, "invalid_token");
    assertEquals(before, written());
    assertEquals(201, loop.submit(author, new JsonObject().put("topic", "urban").put("text", "好".repeat(2000))).status(),
        "2,000 characters (not bytes) are fine");
  }

  @Test
  void badStepsAreRefusedAndLeaveTheSuggestionAsItWas() throws Exception {
    String id = loop.suggest(author, "livelihood", null, "建议增加社区养老助餐点。", "13800000031");
    List<Long> before = written();
    refused(loop.assign(id, "D99"), 422, "invalid_suggestion", "lead");
    refused(loop.assign(id, "D07", "D07"), 422, "invalid_suggestion", "coHandlers[0]");
    refused(loop.step(engine.operator(), id, "assign", new JsonObject().put("lead", "D07").put("coHandlers", "D12")), 422,
        "invalid_suggestion", "coHandlers");
    refused(loop.step(engine.operator(), id, "merge", new JsonObject().put("into", "9999999")), 422, "invalid_suggestion", "into");
    refused(loop.step(engine.operator(), id, "merge", new JsonObject()), 422, "invalid_suggestion", "into");
    refused(loop.answer("D07", id, "还没分派。", true, null), 404, "not_found");
    refused(loop.step(engine.operator(), id, "answer", new JsonObject().put("answer", "x").put("adopted", true)), 403, "forbidden");
    refused(loop.step(engine.auditor(), id, "assign", new JsonObject().put("lead", "D07")), 403, "forbidden");
    refused(loop.step(engine.department("D07"), id, "assign", new JsonObject().put("lead", "D07")), 403, "forbidden");
    refused(loop.feedback(author, id, true, null), 409, "invalid_transition");
    refused(loop.assign("abc", "D07"), 404, "not_found");
    refused(loop.assign("424242", "D07"), 404, "not_found");
    refused(api.get("/api/v1/admin/suggestions?status=lost", Api.bearer(engine.operator())), 400, "malformed_request", "status");
    refused(api.get("/api/v1/admin/suggestions?department=D99&limit=0", Api.bearer(engine.operator())), 400, "malformed_request",
        "department", "limit");
    refused(api.get("/api/v1/admin/suggestions", Api.bearer(engine.auditor())), 403, "forbidden");
    refused(api.post("/api/v1/admin/suggestions/" + id, "{\"status\":\"assigned\",\"department\":\"D07\"}",
        "Content-Type", "application/json", "Authorization", "Bearer " + engine.operator()), 405, "method_not_allowed");
    assertEquals(before, written(), "no refusal wrote anything");

    assertEquals(200, loop.assign(id, "D07", "D12").status());
    before = written();
    refused(loop.answer("D12", id, "协办单位的答复。", true, null), 403, "forbidden");
    refused(loop.answer("D07", id, "", true, null), 422, "invalid_suggestion", "answer");
    refused(loop.step(engine.department("D07"), id, "answer", new JsonObject().put("answer", "x").put("adopted", "yes")), 422,
        "invalid_suggestion", "adopted");
    refused(loop.step(engine.department("D07"), id, "transfer", new JsonObject().put("to", "D07").put("reason", "x")), 422,
        "invalid_suggestion", "to");
    refused(loop.step(engine.department("D07"), id, "transfer", new JsonObject().put("to", "D99")), 422, "invalid_suggestion", "to", "reason");
    assertEquals(before, written());

    assertEquals(200, loop.answer("D07", id, "已增设助餐点3处。", true, null).status());
    assertEquals(200, loop.feedback(author, id, true, "很好").status());
    before = written();
    refused(loop.feedback(author, id, false, null), 409, "invalid_transition");
    refused(loop.feedback(loop.citizen("face-not-the-author"), id, false, null), 404, "not_found");
    refused(loop.feedback(author, id, true, "x".repeat(501)), 422, "invalid_suggestion", "comment");
    refused(loop.answer("D07", id, "再答一次。", true, null), 409, "invalid_transition");
    assertEquals(before, written(), "feedback twice, a stranger's feedback, an answer to a closed one: nothing changed");
    assertEquals(new JsonArray().add("submitted").add("assigned").add("answered").add("rated"),
        new JsonArray(SuggestionApi.actions(loop.one(engine.operator(), id))));
  }
}
