package org.pingyi.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

class BallotApiTest {
  static TestEngine engine;
  static Api api;
  static List<String> active;

  static String rep(int i) {
    return active.get(i);
  }

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
    engine.open("econ1-2024");
    active = engine.activeRepresentatives(50);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private Api.Reply submit(String representative, Object body, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + engine.accessToken(representative);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return api.postJson("/api/v1/sessions/econ1-2024/ballots", body, all);
  }

  private List<String> fields(Api.Reply reply) {
    return reply.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }

  @Test
  void aCompleteBallotIsCommittedAndItsReceiptChecks() throws Exception {
    var reply = submit(rep(1), Ballots.all(Ballots.ECON1, "satisfied").put("comments", new JsonObject().put("D03", "办事效率高")));
    assertEquals(201, reply.status(), reply.body());
    JsonObject receipt = reply.json();
    assertEquals(java.util.Set.of("ballotId", "receipt", "sessionId", "submittedAt"), receipt.fieldNames());
    assertTrue(receipt.getString("receipt").length() >= 16);
    assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ? AND receipt = ?",
        rep(1), receipt.getString("receipt")));
    var check = api.get("/api/v1/receipts/" + receipt.getString("receipt"));
    assertEquals(200, check.status());
    assertEquals(new JsonObject().put("sessionId", "econ1-2024").put("submittedAt", receipt.getString("submittedAt"))
        .put("counted", true), check.json());
    assertEquals(404, api.get("/api/v1/receipts/0000000000000000000000000z").status());
    var form = api.get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(engine.accessToken(rep(1)))).json();
    assertTrue(form.getBoolean("alreadyVoted"));
    assertEquals(receipt.getString("receipt"), form.getString("receipt"));
  }

  @Test
  void theBallotFormListsTheGroupsDepartmentsAndGrades() throws Exception {
    var form = api.get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(engine.accessToken(rep(2))));
    assertEquals(200, form.status());
    assertEquals(8, form.json().getJsonArray("departments").size());
    assertEquals(4, form.json().getJsonArray("grades").size());
    assertFalse(form.json().getBoolean("alreadyVoted"));
    assertEquals(401, api.get("/api/v1/sessions/econ1-2024/ballot-form").status());
  }

  @Test
  void missingExtraDuplicateAndUnknownDepartmentsAreAllListed() throws Exception {
    String body = "{\"scores\":{\"D01\":\"satisfied\",\"D01\":\"satisfied\",\"D02\":\"satisfied\",\"D03\":\"satisfied\","
        + "\"D04\":\"satisfied\",\"D05\":\"satisfied\",\"D06\":\"satisfied\",\"D07\":\"satisfied\",\"D28\":\"satisfied\","
        + "\"XYZ\":\"satisfied\"},\"extra\":true}";
    var reply = submit(rep(3), new RawJson(body));
    assertEquals(422, reply.status(), reply.body());
    assertEquals("invalid_ballot", reply.code());
    assertEquals(List.of("scores.D01", "extra", "scores.D08", "scores.D28", "scores.XYZ"), fields(reply));
    assertEquals(0, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ?", rep(3)));
  }

  @Test
  void anUnknownGradeAndAnOverlongCommentAreRefused() throws Exception {
    JsonObject body = Ballots.all(Ballots.ECON1, "satisfied");
    body.getJsonObject("scores").put("D05", "excellent");
    body.put("comments", new JsonObject().put("D02", "很".repeat(501)).put("D09", "x"));
    var reply = submit(rep(4), body);
    assertEquals(422, reply.status());
    assertEquals(List.of("scores.D05", "comments.D02", "comments.D09"), fields(reply));
    JsonObject fine = Ballots.all(Ballots.ECON1, "satisfied").put("comments", new JsonObject().put("D02", "很".repeat(500)));
    assertEquals(201, submit(rep(4), fine).status());
  }

  @Test
  void nonJsonIs400AndA64KiBBodyIs413() throws Exception {
    var notJson = submit(rep(5), new RawJson("scores=all-good"));
    assertEquals(400, notJson.status());
    assertEquals("malformed_request", notJson.code());
    assertEquals(400, submit(rep(5), new RawJson("[1,2]")).status());
    JsonObject huge = Ballots.all(Ballots.ECON1, "satisfied").put("comments", new JsonObject().put("D01", "x".repeat(66_000)));
    var tooLarge = submit(rep(5), huge);
    assertEquals(413, tooLarge.status());
    assertEquals("payload_too_large", tooLarge.code());
    assertEquals(0, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ?", rep(5)));
  }

  @Test
  void aSecondBallotIs409AndASameKeyRetryReturnsTheFirstAnswer() throws Exception {
    JsonObject body = Ballots.all(Ballots.ECON1, "fairly_satisfied");
    var first = submit(rep(6), body, "Idempotency-Key", "phone-retry-1");
    assertEquals(201, first.status());
    var retry = submit(rep(6), body, "Idempotency-Key", "phone-retry-1");
    assertEquals(200, retry.status());
    assertEquals(first.body(), retry.body());
    var sameKeyOtherBody = submit(rep(6), Ballots.all(Ballots.ECON1, "dissatisfied"), "Idempotency-Key", "phone-retry-1");
    assertEquals(409, sameKeyOtherBody.status());
    assertEquals("already_voted", sameKeyOtherBody.code());
    var noKey = submit(rep(6), body);
    assertEquals(409, noKey.status());
    assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ?", rep(6)));
  }

  @Test
  void aRetryReachingAnotherInstanceGetsTheSameAnswer() throws Exception {
    JsonObject body = Ballots.all(Ballots.ECON1, "basically_satisfied");
    var first = submit(rep(7), body, "Idempotency-Key", "k-107");
    assertEquals(201, first.status());
    try (TestEngine other = engine.sibling()) {
      var retry = other.api().postJson("/api/v1/sessions/econ1-2024/ballots", body,
          "Authorization", "Bearer " + engine.accessToken(rep(7)), "Idempotency-Key", "k-107");
      assertEquals(200, retry.status(), retry.body());
      assertEquals(first.body(), retry.body());
    }
  }

  @Test
  void aSessionThatIsNotOpenRefusesBallots() throws Exception {
    var reply = api.postJson("/api/v1/sessions/econ2-2024/ballots", Ballots.all(List.of("D09", "D10", "D11", "D12", "D13", "D14", "D15", "D16"), "satisfied"),
        "Authorization", "Bearer " + engine.accessToken(rep(8)));
    assertEquals(409, reply.status(), reply.body());
    assertEquals("session_not_open", reply.code());
    var unknown = api.postJson("/api/v1/sessions/nope/ballots", new JsonObject(), Api.bearer(engine.accessToken(rep(8))));
    assertEquals(404, unknown.status());
    assertEquals("not_found", unknown.code());
  }

  @Test
  void anAlternateCannotVoteEvenWithAToken() throws Exception {
    String alternate;
    try (var c = TestServers.connect(engine.database()); var st = c.createStatement();
         var rs = st.executeQuery("SELECT id FROM representatives WHERE status = 'alternate' ORDER BY id LIMIT 1")) {
      rs.next();
      alternate = rs.getString(1);
    }
    var reply = submit(alternate, Ballots.all(Ballots.ECON1, "satisfied"));
    assertEquals(403, reply.status());
    assertEquals("not_eligible", reply.code());
  }

  @Test
  void aForgedAccessTokenIs401() {
    var reply = api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
        "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJSMDAwMDAxIn0.AAAA");
    assertEquals(401, reply.status());
    assertEquals("invalid_token", reply.code());
  }

  @Test
  void theDatabaseItselfRefusesToUpdateOrDeleteABallot() throws Exception {
    assertEquals(201, submit(rep(9), Ballots.all(Ballots.ECON1, "satisfied")).status());
    try (var c = TestServers.connect(engine.database());
         var update = c.prepareStatement("UPDATE ballots SET scores = '{}'::jsonb WHERE representative_id = ?");
         var delete = c.prepareStatement("DELETE FROM ballots WHERE representative_id = ?");
         var truncate = c.createStatement()) {
      update.setString(1, rep(9));
      delete.setString(1, rep(9));
      var refused = assertThrows(SQLException.class, update::executeUpdate);
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      assertThrows(SQLException.class, delete::executeUpdate);
      assertThrows(SQLException.class, () -> truncate.executeUpdate("TRUNCATE ballots CASCADE"));
    }
    assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ?", rep(9)));
  }

  @Test
  void problemAnswersCarryNoInternals() throws Exception {
    var reply = submit(rep(10), new RawJson("{\"scores\": 7}"));
    assertEquals(422, reply.status());
    assertNotNull(reply.json().getString("requestId"));
    assertFalse(reply.body().contains("Exception"));
    assertFalse(reply.body().contains("SELECT"));
  }

  /** A body sent exactly as written, for JSON a JsonObject cannot express (duplicate keys, broken syntax). */
  record RawJson(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}
