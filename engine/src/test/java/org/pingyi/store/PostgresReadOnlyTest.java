package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestPostgresCluster;
import org.pingyi.support.TestServers;

/**
 * A primary that turns read-only (as a demoted or fenced primary does) refuses the engine's writes with SQLSTATE
 * 25006: the ballot answers 503 with Retry-After, readiness and the metric say the engine cannot write, and once the
 * server takes writes again the phone's retry with the same Idempotency-Key is stored, once.
 */
class PostgresReadOnlyTest {

  @Test
  void aServerThatTurnsReadOnlyMakesBallotsRetryableAndTheEngineNotReadyUntilItTakesWritesAgain() throws Exception {
    String password = "ro-" + UUID.randomUUID();
    String database = TestServers.newDatabaseName();
    try (TestPostgresCluster pg = TestPostgresCluster.start(password, Map.of(), List.of("host all all 127.0.0.1/32 scram-sha-256"))) {
      try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres",
          TestPostgresCluster.SUPERUSER, password)) {
        TestServers.createRoles(postgres, database, password);
      }
      String server = "@127.0.0.1:" + pg.port() + "/" + database + "?target_session_attrs=read-write";
      try (TestEngine engine = TestEngine.start(database, Map.of(
               "postgres.url", "postgresql://" + TestServers.runtimeRole(database) + ":" + password + server,
               "postgres.migrationUrl", "postgresql://" + TestServers.ownerRole(database) + ":" + password + server));
           Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database,
               TestPostgresCluster.SUPERUSER, password)) {
        readOnlyServer(engine, admin);
      }
    }
  }

  private static void readOnlyServer(TestEngine engine, Connection admin) throws Exception {
    engine.open("econ1-2024");
    List<String> tokens = new java.util.ArrayList<>();
    for (String rep : representatives(admin)) {
      tokens.add(engine.accessToken(rep));
    }
    Api api = engine.api();
    assertEquals(201, vote(api, tokens.get(0), "first").status());

    setReadOnly(admin, true);
    Api.Reply refused = vote(api, tokens.get(1), "second");
    assertEquals(503, refused.status(), refused.body());
    assertEquals("unavailable", refused.code());
    assertTrue(refused.header("Retry-After") != null);
    Api.Reply ready = Eventually.await(() -> engine.management().get("/health/ready"), r -> r.status() == 503, Duration.ofSeconds(5));
    assertEquals(503, ready.status());
    assertTrue(ready.body().contains("read-only"), ready.body());
    assertTrue(Eventually.await(() -> engine.management().get("/metrics").body(),
        m -> m.contains("pingyi_postgres_writable 0.0"), Duration.ofSeconds(5)).contains("pingyi_postgres_writable 0.0"),
        "the metric says the engine cannot write");

    setReadOnly(admin, false);
    Api.Reply stored = Eventually.await(() -> vote(api, tokens.get(1), "second"), r -> r.status() != 503, Duration.ofSeconds(10));
    assertEquals(201, stored.status(), stored.body());
    assertEquals(200, Eventually.await(() -> engine.management().get("/health/ready"), r -> r.status() == 200,
        Duration.ofSeconds(5)).status());
    assertTrue(Eventually.await(() -> engine.management().get("/metrics").body(),
        m -> m.contains("pingyi_postgres_writable 1.0"), Duration.ofSeconds(5)).contains("pingyi_postgres_writable 1.0"));
    try (var st = admin.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM ballots")) {
      rs.next();
      assertEquals(2, rs.getInt(1));
    }
  }

  private static Api.Reply vote(Api api, String accessToken, String key) {
    return api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
        "Authorization", "Bearer " + accessToken, "Idempotency-Key", key);
  }

  private static void setReadOnly(Connection admin, boolean readOnly) throws Exception {
    try (var st = admin.createStatement()) {
      st.execute("SET default_transaction_read_only = off");
      st.execute(readOnly ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only");
      st.execute("SELECT pg_reload_conf()");
    }
  }

  private static List<String> representatives(Connection c) throws Exception {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT id FROM representatives WHERE status = 'active' ORDER BY id LIMIT 2")) {
      List<String> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    }
  }
}
