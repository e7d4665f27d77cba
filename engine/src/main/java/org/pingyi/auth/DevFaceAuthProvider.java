package org.pingyi.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Demo mode's stand-in for the government app's face authentication: it signs ES256 ID tokens for any subject.
 * The engine verifies them with the ordinary {@link FaceTokenVerifier} against the public JWKS this writes, so
 * demo logins take the real path.
 */
public final class DevFaceAuthProvider {
  private final ECKey key;
  private final ECDSASigner signer;
  private final Clock clock;

  public DevFaceAuthProvider(ECKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static ECKey newKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("dev-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public JWKSet publicJwks() {
    return new JWKSet(key.toPublicJWK());
  }

  public void writeJwks(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, publicJwks().toString(true), StandardCharsets.UTF_8);
  }

  public String signIdToken(String subject, String issuer, String audience) {
    Date now = Date.from(clock.instant());
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(subject)
        .issueTime(now)
        .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))))
        .claim("auth_time", now.getTime() / 1000)
        .claim("amr", List.of("face"))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
