package org.pingyi.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.Curve;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The result-signing key files an operator may give: JWK or PKCS#8 PEM, P-256 only, with an id, retired keys kept. */
class ResultKeysTest {
  /** The Ed25519 private key of RFC 8037, Appendix A.1. */
  static final String RFC_8037_ED25519 = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
      + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

  private static KeyPair p256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  @Test
  void aPkcs8PemWithItsPublicKeySignsAndIsNamedByItsThumbprint() throws Exception {
    KeyPair pair = p256();
    ResultKeys keys = ResultKeys.of(pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded()), null);
    ECKey expected = new ECKey.Builder(Curve.P_256, (java.security.interfaces.ECPublicKey) pair.getPublic()).build();
    assertEquals(expected.computeThumbprint().toString(), keys.keyId());
    assertEquals(1, keys.published().getKeys().size());
  }

  @Test
  void aPemWithoutItsPublicKeyOrWithAnotherOneIsRefusedSayingHowToFixIt() throws Exception {
    KeyPair pair = p256();
    var missing = assertThrows(IllegalArgumentException.class, () -> ResultKeys.of(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), null));
    assertTrue(missing.getMessage().contains("openssl ec -in key.pem -pubout"), missing.getMessage());
    var other = assertThrows(IllegalArgumentException.class, () -> ResultKeys.of(pem("PRIVATE KEY", pair.getPrivate().getEncoded())
        + pem("PUBLIC KEY", p256().getPublic().getEncoded()), null));
    assertTrue(other.getMessage().contains("does not belong"), other.getMessage());
    var sec1 = assertThrows(IllegalArgumentException.class, () -> ResultKeys.of(pem("EC PRIVATE KEY", new byte[] {1, 2}), null));
    assertTrue(sec1.getMessage().contains("openssl pkcs8 -topk8"), sec1.getMessage());
  }

  @Test
  void ed25519AndPublicOnlyJwksAreRefused() throws Exception {
    var okp = assertThrows(IllegalArgumentException.class,
        () -> ResultKeys.of(RFC_8037_ED25519, null));
    assertTrue(okp.getMessage().startsWith("Ed25519 is not supported"), okp.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ResultKeys.of(ResultKeys.generate().toPublicJWK().toJSONString(), null));
  }

  @Test
  void retiredKeysArePublishedBesideTheCurrentOneAndOnlyAsPublicKeys() throws Exception {
    ECKey old = ResultKeys.generate();
    ECKey current = ResultKeys.generate();
    ResultKeys keys = ResultKeys.of(current.toJSONString(), new JWKSet(old).toString(false));
    assertEquals(2, keys.published().getKeys().size());
    assertTrue(keys.published().getKeys().stream().noneMatch(k -> k.isPrivate()));
    assertEquals(old.toPublicJWK(), keys.published().getKeyByKeyId(old.getKeyID()));
    var clash = assertThrows(IllegalArgumentException.class, () -> ResultKeys.of(current.toJSONString(),
        new JWKSet(new ECKey.Builder(old).keyID(current.getKeyID()).build().toPublicJWK()).toString()));
    assertTrue(clash.getMessage().contains("also the current key's id"), clash.getMessage());
  }
}
