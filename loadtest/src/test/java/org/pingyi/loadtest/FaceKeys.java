package org.pingyi.loadtest;

import com.nimbusds.jose.JOSEException;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The load test's own face-authentication provider: an EC key whose public JWKS the engine is started with
 * (PINGYI_FACE_AUTH_JWKS), so the real login path is what the simulations load. Also the admin tokens of the run.
 * Everything lives in one directory that {@link PrepareKeys} fills.
 */
public final class FaceKeys {
  public static final String ISSUER = "https://face-auth.loadtest.pingyi";
  public static final String AUDIENCE = "pingyi-loadtest";

  private final ECKey key;
  private final ECDSASigner signer;
  private final Properties admin;

  private FaceKeys(ECKey key, Properties admin) {
    this.key = key;
    this.admin = admin;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes the directory's key, JWKS, admin tokens and engine environment unless they exist. */
  public static FaceKeys prepare(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path keyFile = dir.resolve("provider-key.json");
    if (!Files.exists(keyFile)) {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID("loadtest-" + UUID.randomUUID()).generate();
      Files.writeString(keyFile, key.toJSONString());
      Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString(true));
      Properties admin = new Properties();
      admin.setProperty("operator", "ope_" + random());
      admin.setProperty("auditor", "aud_" + random());
      try (var out = Files.newBufferedWriter(dir.resolve("admin-tokens.properties"))) {
        admin.store(out, "admin tokens of this load-test run");
      }
      Files.writeString(dir.resolve("engine.env"), String.join("\n",
          "export PINGYI_FACE_AUTH_ISSUER=" + ISSUER,
          "export PINGYI_FACE_AUTH_AUDIENCE=" + AUDIENCE,
          "export PINGYI_FACE_AUTH_JWKS=" + dir.resolve("jwks.json").toAbsolutePath(),
          "export PINGYI_ADMIN_TOKENS=operator:" + sha256(admin.getProperty("operator")) + ",auditor:" + sha256(admin.getProperty("auditor")),
          ""));
    }
    return load(dir);
  }

  public static FaceKeys load(Path dir) {
    try {
      Properties admin = new Properties();
      try (var in = Files.newBufferedReader(dir.resolve("admin-tokens.properties"))) {
        admin.load(in);
      }
      return new FaceKeys(ECKey.parse(Files.readString(dir.resolve("provider-key.json"))), admin);
    } catch (IOException e) {
      throw new UncheckedIOException("no load-test keys in " + dir + ": run PrepareKeys first (see README)", e);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  public String operator() {
    return admin.getProperty("operator");
  }

  public String auditor() {
    return admin.getProperty("auditor");
  }

  /** A fresh ID token as the government app would hand over after a face authentication. */
  public String idToken(String subject) {
    Date now = new Date();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER).audience(AUDIENCE).subject(subject)
        .issueTime(now).expirationTime(Date.from(Instant.now().plusSeconds(300)))
        .claim("auth_time", now.getTime() / 1000).claim("amr", List.of("face"))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static String random() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
