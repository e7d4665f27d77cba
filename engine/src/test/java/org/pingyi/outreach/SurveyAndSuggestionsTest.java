package org.pingyi.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;

class SurveyAndSuggestionsTest {
  static TestEngine engine;
  static Api api;
  static List<String> reps;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
    engine.open("econ1-2024");
    engine.open("econ2-2024");
    reps = engine.activeRepresentatives(10);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private Api.Reply vote(String session, List<String> departments, String rep, JsonObject survey) throws Exception {
    return api.postJson("/api/v1/sessions/" + session + "/ballots", Ballots.all(departments, "satisfied").put("survey", survey),
        "Authorization", "Bearer " + engine.accessToken(rep));
  }

  @Test
  void surveyAnswersAreValidatedLikeScores() throws Exception {
    var reply = vote("econ1-2024", Ballots.ECON1, reps.get(0), new JsonObject()
        .put("q_education", 6)
        .put("q_education_issue", "flying")
        .put("q_health_issue", new JsonArray().add("queue").add("queue"))
        .put("q_advice", "好".repeat(501))
        .put("q_unknown", 1));
    assertEquals(422, reply.status(), reply.body());
    assertEquals("invalid_ballot", reply.code());
    assertEquals(List.of("survey.q_advice", "survey.q_education", "survey.q_education_issue", "survey.q_health_issue", "survey.q_unknown"),
        reply.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList());
    assertEquals(0, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ?", reps.get(0)));
  }

  @Test
  void aggregatesCountEachRepresentativeOncePerEdition() throws Exception {
    List<String> econ2 = List.of("D09", "D10", "D11", "D12", "D13", "D14", "D15", "D16");
    assertEquals(201, vote("econ1-2024", Ballots.ECON1, reps.get(1), new JsonObject().put("q_education", 4)
        .put("q_health_issue", new JsonArray().add("queue").add("cost")).put("q_advice", "多建社区食堂")).status());
    assertEquals(201, vote("econ1-2024", Ballots.ECON1, reps.get(2), new JsonObject().put("q_education", 5)
        .put("q_education_issue", "quality").put("q_health_issue", new JsonArray().add("cost"))).status());
    // The same representative answers again with the next group's ballot: only their first answers count.
    assertEquals(201, vote("econ2-2024", econ2, reps.get(1), new JsonObject().put("q_education", 1)).status());
    assertEquals(201, vote("econ2-2024", econ2, reps.get(3), new JsonObject()).status());

    JsonObject survey = api.get("/api/v1/admin/survey", Api.bearer(engine.auditor())).json();
    assertEquals(2, survey.getLong("respondents"));
    JsonObject education = question(survey, "q_education");
    assertEquals(2, education.getLong("answered"));
    assertEquals(0, new java.math.BigDecimal(education.getValue("mean").toString()).compareTo(new java.math.BigDecimal("4.50")));
    assertEquals(1, education.getJsonObject("counts").getLong("4"));
    assertEquals(1, education.getJsonObject("counts").getLong("5"));
    assertEquals(0, education.getJsonObject("counts").getLong("1"));
    JsonObject health = question(survey, "q_health_issue");
    assertEquals(2, health.getJsonObject("counts").getLong("cost"));
    assertEquals(1, health.getJsonObject("counts").getLong("queue"));
    assertEquals(1, question(survey, "q_advice").getLong("answered"));
    assertFalse(survey.encode().contains("多建社区食堂"), "aggregates count texts, they do not publish them");
    var csv = api.get("/api/v1/admin/survey.csv", Api.bearer(engine.operator()));
    assertEquals(200, csv.status());
    assertTrue(csv.body().contains("q_education,公共教育,scale"), csv.body());
    assertEquals(401, api.get("/api/v1/admin/survey").status());
  }

  private static JsonObject question(JsonObject survey, String id) {
    return survey.getJsonArray("questions").stream().map(JsonObject.class::cast)
        .filter(q -> q.getString("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theEditionAndTheBallotFormCarryTheQuestionnaire() throws Exception {
    JsonObject edition = api.get("/api/v1/edition").json();
    assertEquals(9, edition.getJsonObject("survey").getJsonArray("questions").size());
    assertEquals(9, edition.getJsonArray("suggestionTopics").size());
    var form = api.get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(engine.accessToken(reps.get(4)))).json();
    assertEquals(9, form.getJsonObject("survey").getJsonArray("questions").size());
  }

  @Test
  void aSuggestionMovesFromReceivedToAssignedToAnsweredAndEveryStepIsAudited() throws Exception {
    String token = engine.accessToken(reps.get(5));
    var bad = api.postJson("/api/v1/suggestions", new JsonObject().put("topic", "weather").put("text", ""), Api.bearer(token));
    assertEquals(422, bad.status());
    assertEquals(List.of("topic", "text"), bad.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList());
    assertEquals(401, api.postJson("/api/v1/suggestions", new JsonObject().put("topic", "urban").put("text", "x")).status());

    var created = api.postJson("/api/v1/suggestions", new JsonObject().put("topic", "urban").put("department", "D31")
        .put("text", "建议在老城区增加公共停车位。"), Api.bearer(token));
    assertEquals(201, created.status(), created.body());
    assertEquals("received", created.json().getString("status"));
    String id = created.json().getString("id");
    String[] operator = {"Authorization", "Bearer " + engine.operator()};

    var early = api.postJson("/api/v1/admin/suggestions/" + id, new JsonObject().put("status", "answered").put("answer", "已办理"), operator);
    assertEquals(409, early.status(), "cannot answer before it is assigned");
    var assigned = api.postJson("/api/v1/admin/suggestions/" + id, new JsonObject().put("status", "assigned").put("department", "D31"), operator);
    assertEquals(200, assigned.status(), assigned.body());
    assertEquals("D31", assigned.json().getString("assignedTo"));
    var answered = api.postJson("/api/v1/admin/suggestions/" + id,
        new JsonObject().put("status", "answered").put("answer", "已纳入明年停车设施建设计划。"), operator);
    assertEquals("answered", answered.json().getString("status"));

    JsonObject list = api.get("/api/v1/admin/suggestions", operator).json();
    JsonObject mine = list.getJsonArray("suggestions").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("id").equals(id)).findFirst().orElseThrow();
    assertEquals(reps.get(5), mine.getString("representative"));
    assertFalse(list.encode().contains("演示代表"), "no names in the list");
    assertEquals(403, api.get("/api/v1/admin/suggestions", Api.bearer(engine.auditor())).status());
    var csv = api.get("/api/v1/admin/suggestions.csv", operator);
    assertTrue(csv.body().contains("建议在老城区增加公共停车位"));
    assertEquals(3, engine.count("SELECT count(*) FROM audit_log WHERE action = ANY (?)",
        (Object) new String[] {"suggestion.assigned", "suggestion.answered", "suggestions.export"}));
  }
}
