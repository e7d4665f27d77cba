package org.pingyi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.support.TestProvider;

class FaceTokenVerifierTest {
  @TempDir Path dir;
  TestProvider provider;
  FaceTokenVerifier verifier;

  @BeforeEach
  void setUp() throws Exception {
    provider = new TestProvider(dir.resolve("jwks.json"));
    verifier = new FaceTokenVerifier(TestProvider.ISSUER, TestProvider.AUDIENCE, provider.jwksFile().toString(), Clock.systemUTC());
  }

  private String reason(String token) {
    return assertThrows(InvalidFaceTokenException.class, () -> verifier.verify(token)).reason();
  }

  @Test
  void validEs256AndRs256TokensPass() throws Exception {
    VerifiedFaceToken es = verifier.verify(provider.es256("face-alice"));
    assertEquals("face-alice", es.subject());
    assertEquals("face-bob", verifier.verify(provider.rs256("face-bob")).subject());
  }

  @Test
  void aSignatureByAnotherKeyUnderTheSameKidIsRefused() throws Exception {
    var impostor = new ECKeyGenerator(Curve.P_256).keyID(provider.ecKey().getKeyID()).generate();
    String token = TestProvider.sign("face-alice", c -> { }, new ECDSASigner(impostor), JWSAlgorithm.ES256, impostor.getKeyID());
    assertEquals("bad_signature", reason(token));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String token = new PlainJWT(TestProvider.claims("face-alice").build()).serialize();
    assertEquals("alg_not_allowed", reason(token));
  }

  @Test
  void anHmacTokenKeyedWithTheProvidersPublicKeyIsRefused() throws Exception {
    byte[] publicKeyAsSecret = provider.ecKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    String token = TestProvider.sign("face-alice", c -> { }, new MACSigner(publicKeyAsSecret), JWSAlgorithm.HS256,
        provider.ecKey().getKeyID());
    assertEquals("alg_not_allowed", reason(token));
  }

  @Test
  void wrongIssuerOrAudienceIsRefused() throws Exception {
    assertEquals("wrong_issuer", reason(provider.es256("face-alice", c -> c.issuer("https://evil.example"))));
    assertEquals("wrong_audience", reason(provider.es256("face-alice", c -> c.audience("someone-else"))));
  }

  @Test
  void aTokenNotValidYetIsRefusedBeyondTheClockSkewAndAcceptedWithinIt() throws Exception {
    assertEquals("not_yet_valid", reason(provider.es256("face-alice",
        c -> c.notBeforeTime(Date.from(Instant.now().plus(FaceTokenVerifier.SKEW).plusSeconds(30))))));
    assertEquals("face-alice", verifier.verify(provider.es256("face-alice",
        c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(10))))).subject());
    assertEquals("face-alice", verifier.verify(provider.es256("face-alice",
        c -> c.notBeforeTime(Date.from(Instant.now().minusSeconds(60))))).subject());
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    assertEquals("expired", reason(provider.es256("face-alice",
        c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120))))));
  }

  @Test
  void aFaceAuthenticationOlderThanFiveMinutesIsRefused() throws Exception {
    assertEquals("stale_auth", reason(provider.es256("face-alice",
        c -> c.claim("auth_time", Instant.now().minusSeconds(301).getEpochSecond()))));
  }

  @Test
  void anAuthenticationWithoutFaceIsRefused() throws Exception {
    assertEquals("no_face_amr", reason(provider.es256("face-alice", c -> c.claim("amr", List.of("pwd", "otp")))));
    assertEquals("no_face_amr", reason(provider.es256("face-alice", c -> c.claim("amr", null))));
  }

  @Test
  void aTokenWithoutJtiIsRefused() throws Exception {
    assertEquals("missing_jti", reason(provider.es256("face-alice", c -> c.jwtID(null))));
  }

  @Test
  void anUnreachableJwksIsAnOutageNotABadToken() throws Exception {
    // Nothing listens on port 1: the fetch fails at once.
    FaceTokenVerifier unreachable = new FaceTokenVerifier(TestProvider.ISSUER, TestProvider.AUDIENCE,
        "https://127.0.0.1:1/jwks.json", Clock.systemUTC());
    var error = assertThrows(InvalidFaceTokenException.class, () -> unreachable.verify(provider.es256("face-alice")));
    assertEquals(FaceTokenVerifier.JWKS_UNAVAILABLE, error.reason());
  }

  @Test
  void garbageIsRefused() {
    assertEquals("malformed", reason("not.a.jwt"));
    assertEquals("malformed", reason(""));
  }

  @Test
  void aRotatedKeyIsPickedUpFromTheJwksFileWithoutARestart() throws Exception {
    Instant[] now = {Instant.now()};
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now[0]; }
    };
    FaceTokenVerifier rotating = new FaceTokenVerifier(TestProvider.ISSUER, TestProvider.AUDIENCE,
        provider.jwksFile().toString(), clock, Duration.ofSeconds(10));
    rotating.verify(provider.es256("face-alice"));
    provider.rotate("ec-2");
    String signedWithNewKey = provider.es256("face-alice");
    // Within the refresh limit the file is not re-read: an unknown kid cannot force a reload storm.
    assertThrows(InvalidFaceTokenException.class, () -> rotating.verify(signedWithNewKey));
    now[0] = now[0].plusSeconds(11);
    assertEquals("face-alice", rotating.verify(provider.es256("face-alice")).subject());
  }
}
