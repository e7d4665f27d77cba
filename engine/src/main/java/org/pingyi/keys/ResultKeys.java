package org.pingyi.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result-signing key (ES256, EC P-256, with a key id) and the public keys the engine publishes: the current one
 * and every retired one, so results sealed before a rotation still verify.
 */
public record ResultKeys(ECKey signing, JWKSet published) {
  private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  public String keyId() {
    return signing.getKeyID();
  }

  public static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
          .keyID("results-" + LocalDate.now() + "-" + Long.toHexString(System.nanoTime() & 0xffffff)).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The current key from its file's text (JWK or PKCS#8 PEM) and the retired public keys (a JWKS, may be empty). */
  public static ResultKeys of(String privateKeyText, String retiredJwks) {
    ECKey signing = parsePrivate(privateKeyText);
    List<JWK> keys = new ArrayList<>();
    keys.add(signing.toPublicJWK());
    if (retiredJwks != null && !retiredJwks.isBlank()) {
      JWKSet retired;
      try {
        retired = JWKSet.parse(retiredJwks);
      } catch (ParseException e) {
        throw new IllegalArgumentException("the retired keys are not a JWK set: " + e.getMessage());
      }
      for (JWK key : retired.getKeys()) {
        if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || key.getKeyID() == null) {
          throw new IllegalArgumentException("every retired key must be an EC P-256 public key with a \"kid\"");
        }
        if (keys.stream().anyMatch(k -> k.getKeyID().equals(key.getKeyID()))) {
          if (!ec.toPublicJWK().equals(signing.toPublicJWK())) {
            throw new IllegalArgumentException("retired key id " + key.getKeyID() + " is also the current key's id");
          }
          continue;
        }
        keys.add(ec.toPublicJWK());
      }
    }
    return new ResultKeys(signing, new JWKSet(keys));
  }

  static ECKey parsePrivate(String text) {
    String trimmed = text.strip();
    ECKey key;
    if (trimmed.startsWith("{")) {
      JWK jwk;
      try {
        jwk = JWK.parse(trimmed);
      } catch (ParseException e) {
        throw new IllegalArgumentException("not a JWK: " + e.getMessage());
      }
      if ("OKP".equals(jwk.getKeyType().getValue())) {
        throw new IllegalArgumentException("Ed25519 is not supported by this build; use an EC P-256 (ES256) key");
      }
      if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
        throw new IllegalArgumentException("the JWK must be an EC P-256 private key (ES256)");
      }
      key = ec;
    } else {
      key = fromPem(trimmed);
    }
    try {
      String kid = key.getKeyID() != null ? key.getKeyID() : key.computeThumbprint().toString();
      return new ECKey.Builder(key).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
    } catch (JOSEException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** PKCS#8 "PRIVATE KEY" with its "PUBLIC KEY" beside it (the JDK cannot derive one from the other). */
  private static ECKey fromPem(String text) {
    byte[] privateDer = null;
    byte[] publicDer = null;
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> privateDer = der;
        case "PUBLIC KEY" -> publicDer = der;
        case "EC PRIVATE KEY" -> throw new IllegalArgumentException(
            "an SEC1 'EC PRIVATE KEY'; convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        default -> { }
      }
    }
    if (privateDer == null) {
      throw new IllegalArgumentException("neither a JWK nor a PEM with a 'PRIVATE KEY' (PKCS#8) block");
    }
    if (publicDer == null) {
      throw new IllegalArgumentException("the PEM needs its 'PUBLIC KEY' block too: openssl ec -in key.pem -pubout >> key.pem");
    }
    try {
      KeyFactory ec = KeyFactory.getInstance("EC");
      ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
      ECPublicKey publicKey = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(publicDer));
      if (Curve.forECParameterSpec(privateKey.getParams()) != Curve.P_256) {
        throw new IllegalArgumentException("the key is not on P-256 (ES256)");
      }
      requirePair(privateKey, publicKey);
      return new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).build();
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an EC P-256 key pair: " + e.getMessage());
    }
  }

  private static void requirePair(ECPrivateKey privateKey, ECPublicKey publicKey) throws GeneralSecurityException {
    byte[] probe = "pingyi key pair probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Signature sign = Signature.getInstance("SHA256withECDSA");
    sign.initSign(privateKey);
    sign.update(probe);
    byte[] signature = sign.sign();
    Signature verify = Signature.getInstance("SHA256withECDSA");
    verify.initVerify(publicKey);
    verify.update(probe);
    if (!verify.verify(signature)) {
      throw new IllegalArgumentException("the PUBLIC KEY block does not belong to the PRIVATE KEY");
    }
  }
}
