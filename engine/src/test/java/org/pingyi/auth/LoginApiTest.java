package org.pingyi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestProvider;

/** POST /api/v1/auth/face on an engine that trusts a configured provider (not demo mode). */
class LoginApiTest {
  static Path dir;
  static TestProvider provider;
  static TestEngine engine;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("pingyi-login");
    provider = new TestProvider(dir.resolve("jwks.json"));
    engine = TestEngine.start(Map.of(
        "faceAuth.issuer", TestProvider.ISSUER,
        "faceAuth.audience", TestProvider.AUDIENCE,
        "faceAuth.jwks", provider.jwksFile().toString()));
    api = engine.api();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private Api.Reply login(String idToken) {
    return api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken));
  }

  private String subjectWithStatus(String status) throws Exception {
    try (var c = org.pingyi.support.TestServers.connect(engine.database());
         var st = c.prepareStatement("SELECT subject FROM representatives WHERE status = ? ORDER BY id LIMIT 1")) {
      st.setString(1, status);
      var rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void anActiveRepresentativeGetsAnAccessTokenThatCarriesNoPersonalData() throws Exception {
    String subject = engine.subjectOf("R000007");
    var reply = login(provider.es256(subject));
    assertEquals(200, reply.status(), reply.body());
    JsonObject body = reply.json();
    assertEquals("Bearer", body.getString("tokenType"));
    assertEquals(14_400, body.getLong("expiresIn"), "at most one half-day of the broadcast (API.md)");
    assertEquals("R000007", body.getJsonObject("representative").getString("id"));
    assertEquals(java.util.Set.of("id", "district", "category", "weightClass"), body.getJsonObject("representative").fieldNames());
    assertFalse(reply.body().contains(subject));
    assertFalse(reply.body().contains("演示代表"));
    var form = api.get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(body.getString("accessToken")));
    assertEquals(200, form.status(), form.body());
  }

  @Test
  void theDevProviderIsNotMountedOutsideDemoMode() {
    assertEquals(404, api.postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", "R000001")).status());
  }

  @Test
  void aReusedIdTokenIsRefusedTheSecondTime() throws Exception {
    String token = provider.es256(engine.subjectOf("R000008"));
    assertEquals(200, login(token).status());
    var again = login(token);
    assertEquals(401, again.status());
    assertEquals("invalid_token", again.code());
  }

  @Test
  void everyForgedOrStaleTokenIsRefusedWith401() throws Exception {
    String subject = engine.subjectOf("R000009");
    List<String> bad = List.of(
        provider.es256(subject, c -> c.issuer("https://evil.example")),
        provider.es256(subject, c -> c.audience("other")),
        provider.es256(subject, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(90)))),
        provider.es256(subject, c -> c.claim("auth_time", Instant.now().minusSeconds(400).getEpochSecond())),
        provider.es256(subject, c -> c.claim("amr", List.of("pwd"))),
        provider.es256(subject, c -> c.jwtID(null)),
        new com.nimbusds.jwt.PlainJWT(TestProvider.claims(subject).build()).serialize(),
        "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
    for (String token : bad) {
      var reply = login(token);
      assertEquals(401, reply.status(), reply.body());
      assertEquals("invalid_token", reply.code());
      assertFalse(reply.body().contains(subject));
    }
  }

  @Test
  void unknownAlternateAndWithdrawnSubjectsAreNotEligible() throws Exception {
    var importWithdrawn = api.post("/api/v1/admin/roster",
        "id,name,phone,district,category,status,subject\nW000001,演示退出,10022220001,jimo,resident,withdrawn,face-withdrawn-1\n",
        "Content-Type", "text/csv", "Authorization", "Bearer " + engine.operator());
    assertEquals(200, importWithdrawn.status(), importWithdrawn.body());
    for (String subject : List.of("face-nobody", subjectWithStatus("alternate"), "face-withdrawn-1")) {
      var reply = login(provider.es256(subject));
      assertEquals(403, reply.status(), reply.body());
      assertEquals("not_eligible", reply.code());
    }
  }

  @Test
  void aMalformedLoginBodyIs400() {
    assertEquals(400, api.post("/api/v1/auth/face", "not json", "Content-Type", "application/json").status());
    assertEquals(400, api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", 42)).status());
  }

  @Test
  void aRotatedProviderKeyWorksWithoutRestart() throws Exception {
    provider.rotate("ec-rotated");
    var reply = login(provider.es256(engine.subjectOf("R000010")));
    // The JWKS file is re-read for an unknown kid at most every 10 s; the first read of this engine was at start.
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (reply.status() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      reply = login(provider.es256(engine.subjectOf("R000010")));
    }
    assertEquals(200, reply.status(), reply.body());
  }
}
