package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.Engine;
import org.pingyi.auth.AdminRole;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;

/** With nothing configured the engine starts real embedded servers whose data survives a restart. */
class EmbeddedServersRestartTest {

  @TempDir Path dataDir;

  @Test
  void engineOnEmbeddedServersStopsAndStartsAgainWithItsRoster() throws Exception {
    EngineConfig config = ConfigLoader.fromValues(Map.of(
        "http.port", "0",
        "management.port", "0",
        "dataDir", dataDir.toString(),
        "edition", TestEngine.EDITION.toString(),
        "roster", TestEngine.DEMO_ROSTER.toString()));
    assertTrue(config.embeddedPostgres() && config.embeddedRedis());

    int firstPgPort;
    try (Engine engine = Engine.start(config)) {
      Api api = new Api(engine.httpPort());
      firstPgPort = engine.backends().postgres().hosts().get(0).port();
      assertNotEquals(5432, firstPgPort);
      assertTrue(engine.backends().redis().describe().matches("redis://127\\.0\\.0\\.1:\\d+"));
      assertTrue(!engine.backends().redis().describe().endsWith(":6379"));
      assertEquals(200, api.get("/health/ready").status());
      assertEquals(5, api.get("/api/v1/sessions").array().size());
      var added = api.post("/api/v1/admin/roster",
          "id,name,phone,district,category,status,subject\nX900001,演示新人,10099999999,jimo,resident,active,face-restart-test\n",
          "Content-Type", "text/csv", "Authorization", "Bearer " + engine.adminTokens().demoTokens().get(AdminRole.operator));
      assertEquals(200, added.status(), added.body());
      assertEquals(1, added.json().getInteger("imported"));
    }
    assertTrue(Files.isDirectory(dataDir.resolve("postgres")));
    assertTrue(Files.exists(dataDir.resolve("redis/appendonly.aof")) || Files.isDirectory(dataDir.resolve("redis/appendonlydir")));

    try (Engine engine = Engine.start(config)) {
      var rows = engine.pool().preparedQuery("SELECT count(*) AS n, count(*) FILTER (WHERE id = $1) AS added FROM representatives")
          .execute(Tuple.of("X900001")).await().iterator().next();
      assertEquals(3166, rows.getLong("n"));
      assertEquals(1, rows.getLong("added"));
      assertEquals(200, new Api(engine.httpPort()).get("/health/ready").status());
    }
  }
}
