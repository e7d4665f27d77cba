package org.pingyi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/** Operators and auditors read the audit log by filter, a page at a time, with personal details withheld. */
class AuditApiTest {

  @Test
  void theAuditLogIsFilteredPagedAndWithholdsWhatCouldPointAtAPerson() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      for (String step : List.of("open", "close", "seal")) {
        assertEquals(200, engine.api().post("/api/v1/admin/sessions/econ2-2024/" + step, "", Api.bearer(engine.operator())).status());
      }
      try (var c = TestServers.connect(engine.database());
           PreparedStatement st = c.prepareStatement("INSERT INTO audit_log (actor, action, target, detail) VALUES (?, ?, ?, ?::jsonb)")) {
        st.setString(1, "operator:test");
        st.setString(2, "roster.withdraw");
        st.setString(3, "R000042");
        st.setString(4, new JsonObject().put("id", "R000042").put("statusAfter", "withdrawn").put("reason", "住院 in hospital")
            .put("subjectSha256Before", "ab".repeat(32)).put("rows", new JsonArray().add(new JsonObject().put("phone", "13800000000")))
            .encode());
        st.executeUpdate();
      }

      JsonObject all = read(engine, engine.auditor(), "");
      List<String> actions = actions(all);
      assertEquals(List.of("roster.withdraw", "session.seal", "session.close", "session.open"), actions.subList(0, 4), "newest first");

      JsonObject sessionSteps = read(engine, engine.operator(), "?action=session.&target=econ2-2024&limit=2");
      assertEquals(List.of("session.seal", "session.close"), actions(sessionSteps));
      String next = sessionSteps.getString("next");
      JsonObject older = read(engine, engine.operator(), "?action=session.&target=econ2-2024&limit=2&before=" + next);
      assertEquals(List.of("session.open"), actions(older), "the next page goes on where the first stopped");
      assertNull(older.getString("next"));
      assertEquals(0, read(engine, engine.auditor(), "?actor=auditor").getJsonArray("entries").size());
      assertEquals(0, read(engine, engine.auditor(), "?from=" + enc("2099-01-01T00:00:00Z")).getJsonArray("entries").size());
      // The first open also locked the electorate, in its transaction, by the same operator (issue 13).
      assertEquals(List.of("roster.withdraw", "session.seal", "session.close", "session.open", "roster.lock"),
          actions(read(engine, engine.auditor(), "?to=" + enc("2099-01-01T00:00:00+08:00") + "&actor=operator")));

      JsonObject withdrawal = all.getJsonArray("entries").getJsonObject(0).getJsonObject("detail");
      assertEquals("R000042", withdrawal.getString("id"));
      assertEquals("withdrawn", withdrawal.getString("statusAfter"));
      assertEquals(AuditRedaction.WITHHELD, withdrawal.getString("reason"));
      assertEquals(AuditRedaction.WITHHELD, withdrawal.getString("subjectSha256Before"));
      assertEquals(AuditRedaction.WITHHELD, withdrawal.getJsonArray("rows").getJsonObject(0).getString("phone"));
      String body = engine.api().get("/api/v1/admin/audit", Api.bearer(engine.auditor())).body();
      assertFalse(body.contains("hospital") || body.contains("13800000000") || body.contains("abab"), body);

      Api.Reply bad = engine.api().get("/api/v1/admin/audit?from=yesterday&limit=0", Api.bearer(engine.auditor()));
      assertEquals(400, bad.status());
      List<String> fields = new ArrayList<>();
      bad.json().getJsonArray("errors").forEach(e -> fields.add(((JsonObject) e).getString("field")));
      assertEquals(List.of("from", "limit"), fields, "every bad filter is named at once");
      assertEquals(401, engine.api().get("/api/v1/admin/audit").status());
      assertEquals(401, engine.api().get("/api/v1/admin/audit", Api.bearer(engine.accessToken("R000001"))).status(),
          "a representative's token is no admin token");
    }
  }

  private static JsonObject read(TestEngine engine, String token, String query) {
    Api.Reply reply = engine.api().get("/api/v1/admin/audit" + query, Api.bearer(token));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static List<String> actions(JsonObject page) {
    List<String> out = new ArrayList<>();
    page.getJsonArray("entries").forEach(e -> out.add(((JsonObject) e).getString("action")));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
