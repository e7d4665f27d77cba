package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.config.ConfigException;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestCertificates;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestPostgresCluster;

/**
 * PostgreSQL over TLS, on a cluster of the test's own that accepts TLS connections only, with a certificate for
 * "localhost" from a throw-away authority: the engine runs on it with verify-full, and the Vert.x pool and pgJDBC
 * accept and refuse the same servers for each sslmode.
 */
class PostgresTlsTest {
  /** Characters a URL must percent-encode, and a '+' libpq keeps as it is. */
  static final String PASSWORD = "p@ss:w/rd+1 #密";
  static Path certs;
  static Path ca;
  static Path otherCa;
  static TestPostgresCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    certs = Files.createTempDirectory("pingyi-certs");
    ca = TestCertificates.authority(certs, "pingyi-test-ca");
    otherCa = TestCertificates.authority(certs, "another-ca");
    TestCertificates.server(certs, ca, "localhost");
    TestPostgresCluster.giveToServerUser(certs);
    cluster = TestPostgresCluster.start(PASSWORD, Map.of("ssl", "on",
        "ssl_cert_file", "'" + certs.resolve("server.crt") + "'", "ssl_key_file", "'" + certs.resolve("server.key") + "'"),
        List.of("hostssl all all 127.0.0.1/32 scram-sha-256", "hostssl all all ::1/128 scram-sha-256"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    try (var paths = Files.walk(certs)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static String url(String host, String database, String query) {
    String password = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20");
    return "postgresql://postgres:" + password + "@" + host + ":" + cluster.port() + "/" + database + "?" + query;
  }

  @Test
  void theEngineRunsOnPostgresOverTlsWithVerifyFullAndEveryConnectionIsEncrypted() throws Exception {
    String url = url("localhost", "pingyi_tls", "sslmode=verify-full&sslrootcert=" + ca);
    try (TestEngine engine = TestEngine.start(Map.of("postgres.url", url))) {
      engine.open("econ1-2024");
      Api api = engine.api();
      String idToken = api.postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", "R000001")).json().getString("idToken");
      String access = api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken)).json().getString("accessToken");
      assertEquals(201, api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          Api.bearer(access)).status());

      try (Connection c = PgLocation.parse(url).connect(); var st = c.createStatement();
           var rs = st.executeQuery("""
               SELECT count(*) FILTER (WHERE s.ssl), count(*), (SELECT count(*) FROM ballots)
               FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
               WHERE a.datname = 'pingyi_tls' AND a.pid <> pg_backend_pid()""")) {
        rs.next();
        assertTrue(rs.getLong(2) > 0, "the engine's pool is connected");
        assertEquals(rs.getLong(2), rs.getLong(1), "every connection of the engine is TLS");
        assertEquals(1, rs.getLong(3), "the ballot is stored on the TLS server");
      }
    }
  }

  @Test
  void verifyFullRefusesACertificateThatNamesAnotherHostInBothDrivers() throws Exception {
    String url = url("127.0.0.1", "postgres", "sslmode=verify-full&sslrootcert=" + ca);
    assertRefusedByBoth(url);
    var e = assertThrows(ConfigException.class, () -> TestEngine.start(Map.of("postgres.url", url)));
    assertTrue(e.getMessage().startsWith("postgres.url (PINGYI_PG_URL): cannot connect to postgresql://postgres@127.0.0.1:"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("p%40ss") && !e.getMessage().contains(PASSWORD), e.getMessage());
  }

  @Test
  void verifyCaAcceptsTheAuthorityWhateverTheHostNameInBothDrivers() throws Exception {
    assertAcceptedByBoth(url("127.0.0.1", "postgres", "sslmode=verify-ca&sslrootcert=" + ca));
  }

  @Test
  void aCertificateFromAnotherAuthorityIsRefusedInBothDrivers() throws Exception {
    assertRefusedByBoth(url("localhost", "postgres", "sslmode=verify-ca&sslrootcert=" + otherCa));
    assertRefusedByBoth(url("localhost", "postgres", "sslmode=require&sslrootcert=" + otherCa));
  }

  @Test
  void requireEncryptsWithoutVerifyingAndDisableIsTurnedAwayByATlsOnlyServer() throws Exception {
    assertAcceptedByBoth(url("127.0.0.1", "postgres", "sslmode=require"));
    assertAcceptedByBoth(url("127.0.0.1", "postgres", "sslmode=prefer"));
    assertRefusedByBoth(url("127.0.0.1", "postgres", "sslmode=disable"));
  }

  private static void assertAcceptedByBoth(String url) throws Exception {
    PgLocation location = PgLocation.parse(url);
    assertEquals(location.hosts().get(0), location.findServer(), "pgJDBC connects");
    Vertx vertx = Vertx.vertx();
    try {
      var client = PgBuilder.client().connectingTo(location.connectOptions(location.hosts().get(0))).using(vertx).build();
      var ssl = client.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").execute().await();
      assertEquals(Boolean.TRUE, ssl.iterator().next().getBoolean(0), "the Vert.x connection is TLS");
      client.close().await();
    } finally {
      vertx.close().await();
    }
  }

  private static void assertRefusedByBoth(String url) throws Exception {
    PgLocation location = PgLocation.parse(url);
    assertThrows(ConfigException.class, location::findServer, "pgJDBC refuses " + url);
    Vertx vertx = Vertx.vertx();
    try {
      var client = PgBuilder.client().connectingTo(location.connectOptions(location.hosts().get(0))).using(vertx).build();
      assertThrows(Exception.class, () -> client.query("SELECT 1").execute().await(), "Vert.x refuses " + url);
      client.close().await();
    } finally {
      vertx.close().await();
    }
  }
}
