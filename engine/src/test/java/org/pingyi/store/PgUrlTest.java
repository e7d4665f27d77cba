package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.SslMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libpq's URL grammar as the engine reads it: every host kept, everything it cannot honour refused. */
class PgUrlTest {
  @TempDir Path dir;

  @Test
  void aMultiHostUrlKeepsEveryHostInOrderWithItsTlsAndTarget() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    PgLocation pg = PgLocation.parse("postgresql://u:p@h1:5432,h2:5433/db?target_session_attrs=read-write"
        + "&sslmode=verify-full&sslrootcert=" + ca);
    assertEquals(List.of(new PgLocation.Host("h1", 5432), new PgLocation.Host("h2", 5433)), pg.hosts());
    assertEquals("db", pg.database());
    assertEquals("u", pg.user());
    assertEquals("p", pg.password());
    assertEquals(PgTls.Mode.VERIFY_FULL, pg.tls().mode());
    assertEquals(ca.toString(), pg.tls().rootCert().orElseThrow());
    assertEquals(PgLocation.Target.READ_WRITE, pg.target());

    var jdbc = pg.dataSource();
    assertArrayEquals(new String[] {"h1", "h2"}, jdbc.getServerNames());
    assertArrayEquals(new int[] {5432, 5433}, jdbc.getPortNumbers());
    assertEquals("verify-full", jdbc.getSslMode());
    assertEquals(ca.toString(), jdbc.getSslRootCert());
    assertEquals("primary", jdbc.getTargetServerType());
    for (PgLocation.Host host : pg.hosts()) {
      var vertx = pg.connectOptions(host);
      assertEquals(host.name(), vertx.getHost());
      assertEquals(host.port(), vertx.getPort());
      assertEquals(SslMode.VERIFY_FULL, vertx.getSslMode());
      assertEquals("HTTPS", vertx.getSslOptions().getHostnameVerificationAlgorithm());
    }
  }

  @Test
  void userPasswordAndDatabaseArePercentDecodedAndAPlusStaysAPlus() {
    PgLocation pg = PgLocation.parse("postgres://us%65r:p%40ss%3Aw%2Frd+1%E5%AF%86@[::1]:6000,[fe80::1],h3/d%62+x?sslmode=disable");
    assertEquals("user", pg.user());
    assertEquals("p@ss:w/rd+1密", pg.password());
    assertEquals("db+x", pg.database());
    assertEquals(List.of(new PgLocation.Host("::1", 6000), new PgLocation.Host("fe80::1", 5432), new PgLocation.Host("h3", 5432)),
        pg.hosts());
    assertFalse(pg.describe().contains("p@ss"), pg.describe());
    assertEquals("postgresql://user@[::1]:6000,[fe80::1]:5432,h3:5432/db+x", pg.describe());
  }

  @Test
  void libpqDefaultsApplyWhereTheUrlIsSilent() {
    PgLocation pg = PgLocation.parse("postgresql://alice@db.example");
    assertEquals(List.of(new PgLocation.Host("db.example", 5432)), pg.hosts());
    assertEquals("alice", pg.database(), "libpq: the database defaults to the user name");
    assertEquals(PgTls.Mode.PREFER, pg.tls().mode(), "libpq's default sslmode");
    assertEquals(PgLocation.Target.ANY, pg.target());
    assertFalse(pg.protectedInTransit(), "prefer may end up in clear on another machine");
    assertTrue(PgLocation.parse("postgresql://alice@127.0.0.1,localhost/x").protectedInTransit(), "every host is local");
  }

  @Test
  void requireWithARootCertificateVerifiesTheChainAsLibpqDoes() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
    assertEquals(PgTls.Mode.VERIFY_CA, PgLocation.parse("postgresql://u@h/db?sslmode=require&sslrootcert=" + ca).tls().mode());
    PgLocation require = PgLocation.parse("postgresql://u@h/db?sslmode=require");
    assertEquals(PgTls.Mode.REQUIRE, require.tls().mode());
    assertTrue(require.protectedInTransit());
    assertTrue(require.connectOptions(require.hosts().get(0)).getSslOptions().isTrustAll(), "require encrypts without verifying");
  }

  @Test
  void whatTheEngineCannotHonourIsRefusedWithTheReason() throws Exception {
    String[][] cases = {
        {"postgresql:///db", "names no host"},
        {"postgresql://u:secret@/db", "names no host"},
        {"postgresql://u:secret@h1:5432,,h2/db", "is not a host"},
        {"postgresql://u:secret@h1:x/db", "is not a host"},
        {"postgresql://u:secret@h1:70000/db", "out of range"},
        {"postgresql://u:secret@h1/db?foo=bar", "parameter 'foo'"},
        {"postgresql://u:secret@h1/db?host=/tmp", "parameter 'host'"},
        {"postgresql://u:secret@h1/db?sslmode=bogus", "sslmode 'bogus'"},
        {"postgresql://u:secret@h1/db?sslmode=verify-full", "needs sslrootcert"},
        {"postgresql://u:secret@h1/db?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem", "cannot read"},
        {"postgresql://u:secret@h1/db?target_session_attrs=standby", "target_session_attrs 'standby'"},
        {"postgresql://u:sec#ret@h1/db", "#fragment"},
        {"postgresql://u:sec%zzret@h1/db", "malformed percent-escape"},
        {"postgresql://u:secret@h1/d%zzb", "malformed"},
        {"mysql://u:secret@h1/db", "not a postgresql:// URL"},
        {"u:secret@h1:5432/db", "not a postgresql:// URL"},
    };
    for (String[] c : cases) {
      var e = assertThrows(IllegalArgumentException.class, () -> PgLocation.parse(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " → " + e.getMessage());
      assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("sec%zz"), "no password in " + e.getMessage());
    }
  }
}
