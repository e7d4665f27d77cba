package org.pingyi.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.auth.AdminRole;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;

class RosterImportApiTest {
  static final String HEADER = "id,name,phone,district,category,status,subject\n";
  static TestEngine engine;
  static Api api;
  static String operator;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
    operator = engine.adminToken(AdminRole.operator);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private Api.Reply importCsv(String csv) {
    return api.post("/api/v1/admin/roster", csv, "Content-Type", "text/csv; charset=utf-8", "Authorization", "Bearer " + operator);
  }

  private long representatives() throws Exception {
    return engine.count("SELECT count(*) FROM representatives");
  }

  @Test
  void anImportAddsNewRowsAndUpdatesExistingOnesByIdAndIsAudited() throws Exception {
    long before = representatives();
    var reply = importCsv(HEADER
        + "T100001,演示甲,10011110001,shinan,resident,active,face-t1\n"
        + "T100002,\"演示,乙\",10011110002,laixi,media,alternate,face-t2\n");
    assertEquals(200, reply.status(), reply.body());
    assertEquals(new JsonObject().put("imported", 2).put("updated", 0), reply.json());
    reply = importCsv(HEADER + "T100002,演示乙,10011110002,laixi,media,withdrawn,face-t2\n");
    assertEquals(new JsonObject().put("imported", 0).put("updated", 1), reply.json());
    assertEquals(before + 2, representatives());
    assertEquals(1, engine.count("SELECT count(*) FROM representatives WHERE id = ? AND status = ? AND weight_class = ?",
        "T100002", "withdrawn", "society"));
    assertTrue(engine.count("SELECT count(*) FROM audit_log WHERE action = ? AND actor LIKE ?", "roster.import", "operator:%") >= 2);
    assertFalse(reply.body().contains("face-t2"), "subjects never appear in answers");
  }

  @Test
  void everyBadLineIsListedAndNothingIsImported() throws Exception {
    long before = representatives();
    var reply = importCsv(HEADER
        + "B1,演示,10011110001,shinan,resident,active,face-b1\n"          // line 2: fine
        + "B2,演示,10011110002,atlantis,resident,active,face-b2\n"        // line 3: unknown district
        + "B3,演示,10011110003,shinan,astronaut,active,face-b3\n"         // line 4: unknown category
        + "B4,演示,10011110004,shinan,resident,retired,face-b4\n"         // line 5: bad status
        + "B1,演示,10011110005,shinan,resident,active,face-b5\n"          // line 6: duplicate id
        + "B6,演示,10011110006,shinan,resident,active,face-b1\n"          // line 7: duplicate subject
        + "B7,,10011110007,shinan,resident,active,face-b7\n"              // line 8: missing name
        + "B8,演示,10011110008,shinan,resident\n");                       // line 9: missing fields
    assertEquals(422, reply.status(), reply.body());
    assertEquals("invalid_roster", reply.code());
    var errors = reply.json().getJsonArray("errors");
    List<String> fields = errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
    assertEquals(List.of("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9"), fields);
    String messages = errors.encode();
    assertTrue(messages.contains("unknown district"));
    assertTrue(messages.contains("unknown category"));
    assertTrue(messages.contains("status must be"));
    assertTrue(messages.contains("duplicate id"));
    assertTrue(messages.contains("duplicate subject"));
    assertTrue(messages.contains("missing name"));
    assertTrue(messages.contains("expected 7 fields"));
    assertFalse(messages.contains("face-b1"), "subjects never appear in answers");
    assertEquals(before, representatives());
    assertEquals(0, engine.count("SELECT count(*) FROM representatives WHERE id = ?", "B1"));
  }

  @Test
  void aWrongHeaderIsRefusedAndChangesNothing() throws Exception {
    long before = representatives();
    var reply = importCsv("id,name,mobile,district,category,status,subject\nW1,演示,10011110001,shinan,resident,active,face-w1\n");
    assertEquals(422, reply.status());
    assertEquals("line 1", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(before, representatives());
  }

  @Test
  void aSubjectThatBelongsToSomeoneElseRefusesTheWholeFile() throws Exception {
    String taken = engine.engine().pool().preparedQuery("SELECT subject FROM representatives WHERE id = $1")
        .execute(Tuple.of("R000001")).await().iterator().next().getString(0);
    long before = representatives();
    var reply = importCsv(HEADER + "S1,演示,10011110001,shinan,resident,active,face-s1\n"
        + "S2,演示,10011110002,shinan,resident,active," + taken + "\n");
    assertEquals(422, reply.status(), reply.body());
    assertEquals("line 3", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(before, representatives());
  }

  @Test
  void anUnclosedQuoteIsReportedNotCrashed() throws Exception {
    long before = representatives();
    var reply = importCsv(HEADER + "Q1,\"演示,10011110001,shinan,resident,active,face-q1\n");
    assertEquals(422, reply.status(), reply.body());
    assertEquals(before, representatives());
  }

  @Test
  void adminTokenAndRoleAreChecked() {
    var none = api.post("/api/v1/admin/roster", HEADER, "Content-Type", "text/csv");
    assertEquals(401, none.status());
    assertEquals("unauthenticated", none.code());
    var forged = api.post("/api/v1/admin/roster", HEADER, "Content-Type", "text/csv", "Authorization", "Bearer ope_forged");
    assertEquals(401, forged.status());
    assertEquals("invalid_token", forged.code());
    var auditor = api.post("/api/v1/admin/roster", HEADER, "Content-Type", "text/csv",
        "Authorization", "Bearer " + engine.adminToken(AdminRole.auditor));
    assertEquals(403, auditor.status());
    assertEquals("forbidden", auditor.code());
  }

  @Test
  void aBodyThatIsNotCsvIsRefused() {
    var reply = api.post("/api/v1/admin/roster", "{}", "Content-Type", "application/json", "Authorization", "Bearer " + operator);
    assertEquals(415, reply.status());
  }

  @Test
  void aRosterOver64MiBIsRefusedWith413WhileStreaming() throws Exception {
    long before = representatives();
    byte[] chunk = ("Z1,演示,10011110001,shinan,resident,active,face-z\n").repeat(20_000).getBytes();
    int chunks = (int) (RosterRoutes.MAX_BYTES / chunk.length) + 2;
    // No Content-Length (streamed body), so only the running count can stop it.
    var body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
        java.util.Collections.enumeration(java.util.stream.IntStream.range(0, chunks)
            .mapToObj(i -> (java.io.InputStream) new java.io.ByteArrayInputStream(chunk)).toList())));
    var reply = api.postBytes("/api/v1/admin/roster", body, "Content-Type", "text/csv", "Authorization", "Bearer " + operator);
    assertEquals(413, reply.status(), reply.body());
    assertEquals("payload_too_large", reply.code());
    assertEquals(before, representatives());
  }
}
