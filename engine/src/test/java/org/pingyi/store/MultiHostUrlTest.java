package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestPostgresCluster;
import org.pingyi.support.TestServers;

/**
 * A URL with several hosts: the engine goes through them in order, as libpq does, and uses the first that answers and
 * matches target_session_attrs; none is dropped and nothing falls back to a default server. The "standby" is a
 * cluster of the test's own whose sessions are read-only, which is what makes libpq and pgJDBC skip a server for
 * read-write.
 */
class MultiHostUrlTest {
  static TestPostgresCluster readOnly;

  @BeforeAll
  static void start() throws Exception {
    readOnly = TestPostgresCluster.start("unused", Map.of("default_transaction_read_only", "on"),
        List.of("host all all 127.0.0.1/32 trust"));
  }

  @AfterAll
  static void stop() {
    readOnly.close();
  }

  private static String machine() {
    return TestServers.PG_HOST + ":" + TestServers.PG_PORT;
  }

  @Test
  void aFirstHostThatDoesNotAnswerIsSkippedAndTheNextOneIsUsed() throws Exception {
    String database = TestServers.newDatabaseName();
    String url = "postgresql://postgres@127.0.0.1:" + FreePort.find() + "," + machine() + "/" + database + "?sslmode=disable";
    try (TestEngine engine = TestEngine.start(database, Map.of("postgres.url", url))) {
      assertEquals(2, engine.engine().backends().postgres().hosts().size(), "both hosts kept");
      voteOnce(engine);
      assertEquals(1, engine.count("SELECT count(*) FROM ballots"), "the ballot is on the second host");
    }
  }

  @Test
  void readWriteSkipsAServerWhoseSessionsOnlyReadWhereverItStandsInTheList() throws Exception {
    String database = TestServers.newDatabaseName();
    String url = "postgresql://postgres@127.0.0.1:" + readOnly.port() + "," + machine() + "/" + database
        + "?target_session_attrs=read-write&sslmode=disable";
    try (TestEngine engine = TestEngine.start(database, Map.of("postgres.url", url))) {
      voteOnce(engine);
      assertEquals(1, engine.count("SELECT count(*) FROM ballots"), "the ballot is on the read-write server");
    }
    assertFalse(existsOnReadOnly(database), "nothing was created on the read-only server");
  }

  @Test
  void anyTakesTheFirstServerThatAnswersAsLibpqDoes() throws Exception {
    String database = TestServers.newDatabaseName();
    String url = "postgresql://postgres@127.0.0.1:" + readOnly.port() + "," + machine() + "/" + database + "?sslmode=disable";
    var e = assertThrows(Exception.class, () -> TestEngine.start(database, Map.of("postgres.url", url)).close());
    assertTrue(String.valueOf(e.getMessage()).contains("read-only"), String.valueOf(e.getMessage()));
    assertFalse(TestServers.databaseExists(database), "the second host was not written to either");
  }

  private static void voteOnce(TestEngine engine) {
    engine.open("econ1-2024");
    Api api = engine.api();
    String idToken = api.postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", "R000001")).json().getString("idToken");
    String access = api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken)).json().getString("accessToken");
    assertEquals(201, api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
        Api.bearer(access)).status());
  }

  private static boolean existsOnReadOnly(String database) throws Exception {
    try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + readOnly.port() + "/postgres", "postgres", "");
         var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      st.setString(1, database);
      return st.executeQuery().next();
    }
  }
}
