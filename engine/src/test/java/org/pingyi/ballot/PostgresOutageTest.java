package org.pingyi.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.store.EmbeddedPostgresServer;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;

/** Without PostgreSQL nothing is acknowledged: 503 with Retry-After, and every receipt given out survives. */
class PostgresOutageTest {
  @TempDir Path pgDir;

  @Test
  void ballotsGet503WhilePostgresIsDownAndNothingAcknowledgedIsLost() throws Exception {
    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(pgDir);
    int port = pg.location().hosts().get(0).port();
    try (TestEngine engine = TestEngine.start(Map.of("postgres.url", "postgresql://postgres@127.0.0.1:" + port + "/pingyi"))) {
      engine.open("econ1-2024");
      Api api = engine.api();
      List<String> reps = new ArrayList<>();
      try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/pingyi", "postgres", "");
           var rs = c.createStatement().executeQuery("SELECT id FROM representatives WHERE status = 'active' ORDER BY id LIMIT 30")) {
        while (rs.next()) {
          reps.add(rs.getString(1));
        }
      }
      AccessTokenSource tokens = new AccessTokenSource(port);
      List<String> receipts = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        var reply = api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
            "Authorization", "Bearer " + tokens.forRep(reps.get(i)));
        assertEquals(201, reply.status(), reply.body());
        receipts.add(reply.json().getString("receipt"));
      }

      pg.close();
      var down = api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          "Authorization", "Bearer " + tokens.forRep(reps.get(10)), "Idempotency-Key", "after-outage");
      assertEquals(503, down.status(), down.body());
      assertEquals("unavailable", down.code());
      assertNotNull(down.header("Retry-After"));
      assertEquals(503, api.get("/health/ready").status());

      pg = EmbeddedPostgresServer.start(pgDir, port);
      var retried = api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          "Authorization", "Bearer " + tokens.forRep(reps.get(10)), "Idempotency-Key", "after-outage");
      assertTrue(retried.status() == 201, retried.body());
      for (String receipt : receipts) {
        JsonObject check = api.get("/api/v1/receipts/" + receipt).json();
        assertEquals(true, check.getBoolean("counted"));
      }
    } finally {
      pg.close();
    }
  }

  /** Mints access tokens with the key the engine keeps in this PostgreSQL (read once, before any outage). */
  static final class AccessTokenSource {
    private final org.pingyi.auth.AccessTokens tokens;

    AccessTokenSource(int port) throws Exception {
      try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/pingyi", "postgres", "");
           var rs = c.createStatement().executeQuery("SELECT value FROM engine_secrets WHERE name = 'access-token-key'")) {
        rs.next();
        tokens = new org.pingyi.auth.AccessTokens(java.util.Base64.getDecoder().decode(rs.getString(1)), java.time.Clock.systemUTC());
      }
    }

    String forRep(String rep) {
      return tokens.issue(rep, java.time.Instant.now().plusSeconds(600));
    }
  }
}
