package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.pingyi.keys.EngineKeys;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestProvider;

/**
 * POST /api/v1/auth/citizen on an engine that trusts a configured provider: every check of /auth/face but the
 * roster, and a token that opens the suggestion routes only.
 */
class CitizenLoginTest {
  static Path dir;
  static TestProvider provider;
  static TestEngine engine;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("pingyi-citizen");
    Path key = dir.resolve("citizen-id.jwk");
    Files.writeString(key, EngineKeys.newSecret("citizen-id"));
    provider = new TestProvider(dir.resolve("jwks.json"));
    engine = TestEngine.start(Map.of(
        "faceAuth.issuer", TestProvider.ISSUER,
        "faceAuth.audience", TestProvider.AUDIENCE,
        "faceAuth.jwks", provider.jwksFile().toString(),
        "keys.citizenId", key.toString()));
    api = engine.api();
    engine.open("econ1-2024");
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private Api.Reply login(String idToken) {
    return api.postJson("/api/v1/auth/citizen", new JsonObject().put("idToken", idToken));
  }

  private String citizen(String subject) throws Exception {
    var reply = login(provider.es256(subject));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getString("accessToken");
  }

  @Test
  void anyoneWhoPassesFaceAuthenticationGetsACitizenTokenThatNamesNoFace() throws Exception {
    String subject = "face-citizen-110101199001011234";
    var reply = login(provider.es256(subject));
    assertEquals(200, reply.status(), reply.body());
    JsonObject body = reply.json();
    assertEquals(java.util.Set.of("accessToken", "tokenType", "expiresIn", "role"), body.fieldNames());
    assertEquals("citizen", body.getString("role"));
    assertEquals("Bearer", body.getString("tokenType"));
    assertTrue(body.getLong("expiresIn") > 0);
    String claims = new String(java.util.Base64.getUrlDecoder().decode(body.getString("accessToken").split("\\.")[1]));
    assertFalse(claims.contains(subject), "the token carries a pseudonym, not the face subject: " + claims);
    assertTrue(new JsonObject(claims).getString("sub").matches("c[0-9a-f]{32}"), claims);
    assertEquals("citizen", new JsonObject(claims).getString("role"));

    String token = body.getString("accessToken");
    var created = api.postJson("/api/v1/suggestions", new JsonObject().put("topic", "livelihood").put("text", "建议增加社区食堂。"),
        Api.bearer(token));
    assertEquals(201, created.status(), created.body());
    // The same face signs in again (a new ID token) and finds the suggestion: the pseudonym is stable.
    var mine = api.get("/api/v1/suggestions/mine", Api.bearer(citizen(subject)));
    assertEquals(1, mine.json().getJsonArray("suggestions").size(), mine.body());
    assertEquals(0, api.get("/api/v1/suggestions/mine", Api.bearer(citizen("face-someone-else"))).json().getJsonArray("suggestions").size());
    for (String table : List.of("suggestions", "suggestion_steps", "audit_log")) {
      assertEquals(0, engine.count("SELECT count(*) FROM " + table + " WHERE " + table + "::text LIKE ?", "%110101199001011234%"),
          "the face subject is stored nowhere: " + table);
    }
  }

  @Test
  void everyFaceAuthRefusalStillAppliesToCitizens() throws Exception {
    String subject = "face-citizen-refused";
    List<String> bad = List.of(
        provider.es256(subject, c -> c.issuer("https://evil.example")),
        provider.es256(subject, c -> c.audience("other")),
        provider.es256(subject, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(90)))),
        provider.es256(subject, c -> c.claim("auth_time", Instant.now().minusSeconds(400).getEpochSecond())),
        provider.es256(subject, c -> c.claim("amr", List.of("pwd"))),
        provider.es256(subject, c -> c.jwtID(null)),
        provider.es256(subject, c -> c.subject(null)),
        new com.nimbusds.jwt.PlainJWT(TestProvider.claims(subject).build()).serialize(),
        "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl",
        "not a token");
    for (String token : bad) {
      var reply = login(token);
      assertEquals(401, reply.status(), reply.body());
      assertEquals("invalid_token", reply.code());
      assertFalse(reply.body().contains(subject));
    }
    String once = provider.es256(subject);
    assertEquals(200, login(once).status());
    var replayed = login(once);
    assertEquals(401, replayed.status(), "an ID token works once, for citizens too");
    assertEquals("invalid_token", replayed.code());
    // A token spent on /auth/face cannot be spent again on /auth/citizen: one jti set for both.
    String representative = provider.es256(engine.subjectOf("R000003"));
    assertEquals(200, api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", representative)).status());
    assertEquals(401, login(representative).status());
    assertEquals(400, api.post("/api/v1/auth/citizen", "{", "Content-Type", "application/json").status());
    assertEquals(404, api.postJson("/api/v1/dev/face-auth", new JsonObject().put("citizenSubject", "x")).status(),
        "no dev provider outside demo mode");
  }

  @Test
  void aCitizenTokenMayNotScoreReadTheBallotFormOrUseAnyAdminRoute() throws Exception {
    String[] citizen = Api.bearer(citizen("face-citizen-no-ballot"));
    var form = api.get("/api/v1/sessions/econ1-2024/ballot-form", citizen);
    assertEquals(403, form.status(), form.body());
    assertEquals("not_eligible", form.code());
    var ballot = api.postJson("/api/v1/sessions/econ1-2024/ballots",
        Ballots.all(Ballots.ECON1, "satisfied").put("survey", new JsonObject().put("q_education", 5)), citizen);
    assertEquals(403, ballot.status(), ballot.body());
    assertEquals("not_eligible", ballot.code());
    assertEquals(0, engine.count("SELECT count(*) FROM ballots"));
    for (String path : List.of("/api/v1/admin/suggestions", "/api/v1/admin/suggestions/stats", "/api/v1/admin/survey",
        "/api/v1/admin/whoami", "/api/v1/sessions/econ1-2024/turnout")) {
      var reply = api.get(path, citizen);
      assertEquals(401, reply.status(), path + " " + reply.body());
      assertEquals("invalid_token", reply.code());
    }
    var assign = api.postJson("/api/v1/admin/suggestions/1/assign", new JsonObject().put("lead", "D07"), citizen);
    assertEquals(401, assign.status());
  }

  @Test
  void aRepresentativesTokenSuggestsUntilTheRepresentativeIsWithdrawn() throws Exception {
    var face = api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", provider.es256(engine.subjectOf("R000005"))));
    String[] representative = Api.bearer(face.json().getString("accessToken"));
    JsonObject suggestion = new JsonObject().put("topic", "urban").put("department", "D31").put("text", "建议优化公交线路。");
    assertEquals(201, api.postJson("/api/v1/suggestions", suggestion, representative).status());
    String count = "SELECT count(*) FROM suggestions WHERE author_role = ? AND author_id = ?";
    assertEquals(1, engine.count(count, "representative", "R000005"));

    // The electorate is locked (a session opened at start): the office's one change is a withdrawal (issue 13).
    var withdrawal = api.postJson("/api/v1/admin/representatives/R000005/withdraw", new JsonObject().put("reason", "moved away"),
        Api.bearer(engine.operator()));
    assertEquals(200, withdrawal.status(), withdrawal.body());
    var refused = api.postJson("/api/v1/suggestions", suggestion, representative);
    assertEquals(403, refused.status(), refused.body());
    assertEquals("not_eligible", refused.code());
    assertEquals(1, engine.count(count, "representative", "R000005"), "nothing stored");
    assertEquals(200, api.get("/api/v1/suggestions/mine", representative).status(), "their own suggestions stay readable");
  }

  @Test
  void twoFacesNeverShareAPseudonym() throws Exception {
    var a = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(citizen("face-a").split("\\.")[1]))).getString("sub");
    var b = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(citizen("face-b").split("\\.")[1]))).getString("sub");
    assertNotEquals(a, b);
    assertEquals(a, new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(citizen("face-a").split("\\.")[1]))).getString("sub"));
  }
}
