package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.Engine;
import org.pingyi.auth.AccessTokens;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * A data directory made by the engine before roles and key files (embedded PostgreSQL trusting every local
 * connection, every table the superuser's, the keys in engine_secrets) upgrades in place: its ballots stay, the
 * tables move to the owner role, the engine serves as a role that owns nothing, passwords are required, and the old
 * keys are gone from the database and no longer accepted.
 */
class OldDataDirectoryUpgradeTest {
  @TempDir Path dataDir;

  @Test
  void anOldEmbeddedDataDirectoryUpgradesInPlaceAndItsDatabaseKeysStopWorking() throws Exception {
    byte[] oldKey = AccessTokens.newSecret();
    int port;
    try (EmbeddedPostgresServer old = EmbeddedPostgresServer.start(dataDir)) {
      port = old.location().hosts().get(0).port();
      Flyway.configure().dataSource(jdbcUrl(port), "postgres", "").locations("classpath:db/migration").target("4")
          .load().migrate();
      try (Connection c = DriverManager.getConnection(jdbcUrl(port), "postgres", ""); var st = c.createStatement()) {
        st.execute("INSERT INTO editions (id, name) VALUES ('qingdao-2024', 'old')");
        st.execute("INSERT INTO groups (edition_id, code, name, position) VALUES ('qingdao-2024', 'econ1', 'old', 0)");
        st.execute("INSERT INTO sessions (id, edition_id, group_code, opens_at, closes_at, state)"
            + " VALUES ('econ1-2024', 'qingdao-2024', 'econ1', now(), now(), 'open')");
        st.execute("INSERT INTO representatives (id, name, phone, district, category, weight_class, status, subject)"
            + " VALUES ('R000001', 'n', '100', 'shibei', 'enterprise', 'service', 'active', 'face-old')");
        st.execute("INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, receipt, body_hash)"
            + " VALUES ('econ1-2024', 'R000001', 'service', 'shibei', '{\"D01\":\"satisfied\"}', 'oldreceipt', 'h')");
        try (var insert = c.prepareStatement("INSERT INTO engine_secrets (name, value) VALUES ('access-token-key', ?)")) {
          insert.setString(1, Base64.getEncoder().encodeToString(oldKey));
          insert.executeUpdate();
        }
        try (var rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'postgres'")) {
          rs.next();
          assertTrue(rs.getLong(1) >= 10, "the old layout: the superuser owns every table");
        }
      }
    }

    EngineConfig config = ConfigLoader.fromValues(Map.of("http.port", "0", "dataDir", dataDir.toString(),
        "edition", TestEngine.EDITION.toString(), "roster", TestEngine.DEMO_ROSTER.toString(),
        "redis.url", TestServers.redisUrl(TestEngine.nextRedisDb()), "http.warmUpBallots", "0"));
    for (int start = 1; start <= 2; start++) {
      try (Engine engine = Engine.start(config)) {
        PgLocation runtime = engine.backends().postgres();
        assertEquals(EmbeddedRoles.RUNTIME, runtime.user());
        String jdbc = jdbcUrl(runtime.hosts().get(0).port());
        String superuser = Files.readString(dataDir.resolve("keys/pg-superuser.password")).strip();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", superuser); var st = c.createStatement()) {
          assertEquals(1, single(st, "SELECT count(*) FROM ballots WHERE receipt = 'oldreceipt'"), "the old ballot is still there");
          assertEquals(0, single(st, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'pingyi_owner'"));
          assertEquals(0, single(st, "SELECT count(*) FROM pg_class WHERE relname = 'engine_secrets'"));
        }
        SQLException noPassword = assertThrows(SQLException.class, () -> DriverManager.getConnection(jdbc, "postgres", "guess").close());
        assertEquals("28P01", noPassword.getSQLState(), "the cluster no longer trusts local connections");
        try (Connection c = DriverManager.getConnection(jdbc, runtime.user(), runtime.password())) {
          SQLException refused = assertThrows(SQLException.class, () -> c.createStatement().execute("UPDATE ballots SET district = 'x'"));
          assertEquals("42501", refused.getSQLState());
          assertThrows(SQLException.class, () -> c.createStatement().execute("ALTER TABLE ballots DISABLE TRIGGER ALL"));
        }
        for (String file : new String[] {"pg-superuser.password", "pg-owner.password", "pg-runtime.password", "access-token.jwk",
            "results.jwk", "pseudonym.jwk", "citizen-id.jwk", "dev-face-auth.jwk"}) {
          assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys").resolve(file))), file);
        }
        String forged = new AccessTokens(oldKey, Duration.ofHours(1), Clock.systemUTC()).issue("R000001", Instant.now().plusSeconds(600));
        var reply = new Api(engine.httpPort()).get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(forged));
        assertEquals(401, reply.status(), "a token under the key the database held is refused: " + reply.body());
        assertFalse(Files.readString(dataDir.resolve("keys/access-token.jwk")).contains(Base64.getUrlEncoder().withoutPadding()
            .encodeToString(oldKey)), "the old key was not carried over");
      }
    }
  }

  private static long single(java.sql.Statement st, String sql) throws SQLException {
    try (var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }
}
