package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.Engine;
import org.pingyi.config.ConfigException;
import org.pingyi.config.ConfigLoader;
import org.pingyi.keys.EngineKeys;
import org.pingyi.keys.KeyFiles;
import org.pingyi.keys.ResultKeys;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * The engine serves as a role that owns nothing: connected as that role, nobody can change or remove a ballot, a
 * sealed result or an audit entry, nor switch their triggers off. Production refuses a role that could.
 */
class RuntimeRoleTest {
  static final List<String> APPEND_ONLY = List.of("ballots", "session_results", "session_signatures", "audit_log", "roster_commitments");

  @TempDir Path dir;

  @Test
  void asTheRuntimeRoleNoBallotResultOrAuditEntryCanBeChangedRemovedOrUnguarded() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      String rep = engine.activeRepresentatives(1).get(0);
      assertEquals(201, engine.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          Api.bearer(engine.accessToken(rep))).status());
      for (String step : List.of("close", "seal")) {
        assertEquals(200, engine.api().post("/api/v1/admin/sessions/econ1-2024/" + step, "", Api.bearer(engine.operator())).status());
      }
      Map<String, Long> before = counts(engine);
      List<String> attempts = new ArrayList<>();
      for (String table : APPEND_ONLY) {
        attempts.add("UPDATE " + table + " SET " + (table.equals("audit_log") ? "actor = 'x'" : "session_id = session_id"));
        attempts.add("DELETE FROM " + table);
        attempts.add("TRUNCATE " + table);
        attempts.add("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
        attempts.add("ALTER TABLE " + table + " ADD COLUMN x int");
        attempts.add("DROP TABLE " + table + " CASCADE");
      }
      attempts.set(attempts.indexOf("UPDATE roster_commitments SET session_id = session_id"), "UPDATE roster_commitments SET sha256 = 'x'");
      attempts.add("ALTER TABLE ballots DISABLE TRIGGER ballots_append_only");
      attempts.add("DROP TRIGGER ballots_append_only ON ballots");
      attempts.add("CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
      attempts.add("CREATE TABLE mine (x int)");
      attempts.add("SET ROLE " + TestServers.ownerRole(engine.database()));
      attempts.add("UPDATE flyway_schema_history SET success = false");
      attempts.add("DELETE FROM representatives");
      try (Connection runtime = DriverManager.getConnection(TestServers.jdbcUrl(engine.database()), TestServers.runtimeRole(engine.database()), "")) {
        for (String attempt : attempts) {
          SQLException refused = assertThrows(SQLException.class, () -> runtime.createStatement().execute(attempt), attempt);
          assertEquals("42501", refused.getSQLState(), attempt + ": " + refused.getMessage());
          assertTrue(!refused.getMessage().contains("append-only"), "refused by the role's rights, before any trigger: " + attempt);
        }
        assertEquals(1L, count(runtime, "SELECT count(*) FROM ballots"), "the runtime role still reads what it needs");
      }
      assertEquals(before, counts(engine), "nothing changed");
      assertTrue(RuntimeRoleCheck.problems(engine.engine().backends().postgres()).isEmpty());
    }
  }

  @Test
  void everyTableOfTheSchemaHasItsGrantsWrittenDown() throws Exception {
    try (TestEngine engine = TestEngine.start();
         Connection c = TestServers.connect(engine.database());
         var rs = c.createStatement().executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
      List<String> unlisted = new ArrayList<>();
      while (rs.next()) {
        if (!RuntimeGrants.TABLES.containsKey(rs.getString(1))) {
          unlisted.add(rs.getString(1));
        }
      }
      assertEquals(List.of(), unlisted, "add each new table to RuntimeGrants.TABLES with the least it needs");
      for (String table : APPEND_ONLY) {
        assertEquals(RuntimeGrants.APPEND_ONLY, RuntimeGrants.TABLES.get(table));
      }
    }
  }

  @Test
  void productionRefusesARuntimeRoleThatIsSuperuserOrOwnsTheTables() throws Exception {
    var superuser = refusedInProduction(database -> TestServers.pgUrl(database));
    assertTrue(superuser.startsWith("postgres.url (PINGYI_PG_URL): the runtime role 'postgres' is a superuser"), superuser);
    var owner = refusedInProduction(database -> TestServers.pgUrl(TestServers.ownerRole(database), database));
    assertTrue(owner.contains("owns (or may act as the owner of)") && owner.contains("owns the database"), owner);
    assertTrue(owner.contains("PINGYI_PG_MIGRATION_URL"), owner);
  }

  private String refusedInProduction(java.util.function.Function<String, String> runtimeUrl) throws Exception {
    String database = TestServers.newDatabaseName();
    TestServers.createRoles(database);
    try {
      Map<String, String> settings = production(database);
      settings.put("postgres.url", runtimeUrl.apply(database));
      return assertThrows(ConfigException.class, () -> Engine.start(ConfigLoader.fromValues(settings)).close()).getMessage();
    } finally {
      TestServers.dropDatabase(database);
      TestServers.dropRoles(database);
    }
  }

  /** Everything production asks for, so only the database role is left to refuse. */
  private Map<String, String> production(String database) throws Exception {
    Map<String, String> v = new HashMap<>(TestEngine.baseSettings(database, TestEngine.nextRedisDb()));
    v.remove("postgres.migrationUrl");
    Path jwks = dir.resolve("provider-jwks.json");
    Files.writeString(jwks, "{\"keys\":[]}");
    v.put("profile", "production");
    v.put("faceAuth.issuer", "https://face.example.test");
    v.put("faceAuth.audience", "pingyi");
    v.put("faceAuth.jwks", jwks.toString());
    v.put("adminTokens", "operator:" + "a".repeat(64));
    v.put("sms.gatewayUrl", "http://127.0.0.1:9/sms");
    KeyFiles.create(dir.resolve("a.jwk"), EngineKeys.newSecret("access"));
    KeyFiles.create(dir.resolve("r.jwk"), ResultKeys.generate().toJSONString());
    KeyFiles.create(dir.resolve("p.jwk"), EngineKeys.newSecret("pseudonym"));
    KeyFiles.create(dir.resolve("c.jwk"), EngineKeys.newSecret("citizen-id"));
    v.put("keys.accessToken", dir.resolve("a.jwk").toString());
    v.put("keys.results", dir.resolve("r.jwk").toString());
    v.put("keys.pseudonym", dir.resolve("p.jwk").toString());
    v.put("keys.citizenId", dir.resolve("c.jwk").toString());
    return v;
  }

  private static Map<String, Long> counts(TestEngine engine) throws Exception {
    Map<String, Long> counts = new HashMap<>();
    for (String table : APPEND_ONLY) {
      counts.put(table, engine.count("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
