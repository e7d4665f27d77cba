package org.pingyi.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** A face-auth provider for tests: its own keys, a JWKS file, and ID tokens whose every claim a test may bend. */
public final class TestProvider {
  public static final String ISSUER = "https://face.example.test";
  public static final String AUDIENCE = "pingyi-test";

  private final Path jwksFile;
  private final List<JWK> keys = new ArrayList<>();
  private ECKey ecKey;
  private final RSAKey rsaKey;

  public TestProvider(Path jwksFile) throws Exception {
    this.jwksFile = jwksFile;
    this.ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    this.rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    keys.add(ecKey);
    keys.add(rsaKey);
    writeJwks();
  }

  public Path jwksFile() {
    return jwksFile;
  }

  public ECKey ecKey() {
    return ecKey;
  }

  /** Adds a new EC key under a new kid, publishes it, and signs with it from now on. */
  public ECKey rotate(String kid) throws Exception {
    ecKey = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    keys.add(ecKey);
    writeJwks();
    return ecKey;
  }

  private void writeJwks() throws Exception {
    List<JWK> publicKeys = keys.stream().map(JWK::toPublicJWK).toList();
    Files.writeString(jwksFile, new JWKSet(publicKeys).toString(true));
  }

  public static JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("auth_time", now.getEpochSecond())
        .claim("amr", List.of("face"))
        .jwtID(UUID.randomUUID().toString());
  }

  public String es256(String subject) throws Exception {
    return es256(subject, c -> { });
  }

  public String es256(String subject, Consumer<JWTClaimsSet.Builder> bend) throws Exception {
    return sign(subject, bend, new ECDSASigner(ecKey), JWSAlgorithm.ES256, ecKey.getKeyID());
  }

  public String rs256(String subject) throws Exception {
    return sign(subject, c -> { }, new RSASSASigner(rsaKey), JWSAlgorithm.RS256, rsaKey.getKeyID());
  }

  public static String sign(String subject, Consumer<JWTClaimsSet.Builder> bend, JWSSigner signer, JWSAlgorithm alg,
      String kid) throws Exception {
    JWTClaimsSet.Builder claims = claims(subject);
    bend.accept(claims);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims.build());
    jwt.sign(signer);
    return jwt.serialize();
  }
}
