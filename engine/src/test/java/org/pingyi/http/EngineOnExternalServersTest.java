package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/** The engine pointed at existing servers by URL: the machine's PostgreSQL and Redis. */
class EngineOnExternalServersTest {
  static TestEngine engine;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void itCreatesADatabaseOfItsOwnAndImportsTheDemoRoster() throws Exception {
    assertTrue(TestServers.databaseExists(engine.database()));
    assertEquals(3165, engine.count("SELECT count(*) FROM representatives"));
    assertEquals(3000, engine.count("SELECT count(*) FROM representatives WHERE status = ?", "active"));
    assertTrue(TestServers.databaseExists("postgres"), "other databases are left alone");
  }

  @Test
  void sessionsListsTheFourPublicSessionsAndTheInternalOne() {
    var reply = api.get("/api/v1/sessions");
    assertEquals(200, reply.status());
    var sessions = reply.array();
    assertEquals(5, sessions.size());
    assertEquals(java.util.List.of("internal-2024", "econ1-2024", "econ2-2024", "service-2024", "enforcement-2024"),
        sessions.stream().map(s -> ((JsonObject) s).getString("id")).toList());
    JsonObject econ1 = sessions.getJsonObject(1);
    assertEquals("scheduled", econ1.getString("state"));
    assertEquals("经济建设一组", econ1.getJsonObject("group").getString("name"));
    assertEquals(8, econ1.getJsonArray("departments").size());
    assertEquals("2024-12-17T01:00:00Z", econ1.getString("opensAt"));
    assertEquals(11, sessions.getJsonObject(3).getJsonArray("departments").size());
  }

  @Test
  void editionIsServedAsTheYamlSaysInTheShapeOfApiMd() {
    JsonObject edition = api.get("/api/v1/edition").json();
    assertEquals("qingdao-2024", edition.getString("id"));
    assertEquals(4, edition.getJsonArray("grades").size());
    JsonObject satisfied = edition.getJsonArray("grades").getJsonObject(0);
    assertEquals(new JsonObject().put("code", "satisfied").put("label", "满意").put("points", 100).put("countsAsSatisfied", true), satisfied);
    assertEquals(3, edition.getJsonArray("weightClasses").size());
    assertEquals(24, edition.getJsonArray("categories").size());
    assertEquals(java.util.Set.of("code", "label", "weightClass", "quota"), edition.getJsonArray("categories").getJsonObject(0).fieldNames());
    assertEquals(10, edition.getJsonArray("districts").size());
    assertEquals(5, edition.getJsonArray("groups").size());
    assertEquals(5, edition.getJsonArray("sessions").size());
  }

  @Test
  void readinessAnswersWhenBothServersDo() {
    var reply = api.get("/health/ready");
    assertEquals(200, reply.status());
    assertEquals("ready", reply.json().getString("status"));
    assertEquals(200, api.get("/health/live").status());
  }

  @Test
  void anUnknownRouteIsA404ProblemWithARequestId() {
    var reply = api.get("/api/v1/nothing-here");
    assertEquals(404, reply.status());
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertEquals("not_found", reply.code());
    assertEquals("urn:pingyi:problem:not_found", reply.json().getString("type"));
    assertNotNull(reply.json().getString("requestId"));
    assertEquals(reply.header("X-Request-Id"), reply.json().getString("requestId"));
  }

  @Test
  void aJsonBodyOver64KiBIsRefusedWith413() {
    String big = "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}";
    var reply = api.post("/api/v1/sessions/econ1-2024/ballots", big, "Content-Type", "application/json");
    assertEquals(413, reply.status());
    assertEquals("payload_too_large", reply.code());
  }

  @Test
  void aWrongMethodIsAProblemToo() {
    var reply = api.post("/api/v1/sessions", "{}", "Content-Type", "application/json");
    assertEquals(405, reply.status());
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertFalse(reply.body().contains("Exception"));
  }
}
