package org.pingyi.results;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import org.pingyi.CanonicalJson;

/**
 * Checks results.json's signature with the published keys (a JWKS, as GET /api/v1/keys serves it): the compact JWS
 * must be ES256, name results.json's keyId, verify under that key, and carry as payload exactly the RFC 8785
 * canonical JSON of results.json without keyId and signature. Anything else is a refusal.
 */
final class SignatureCheck {
  private SignatureCheck() {}

  static JWKSet keys(String jwksText) {
    try {
      return JWKSet.parse(jwksText);
    } catch (ParseException | RuntimeException e) {
      throw VerifyRefusal.of("the keys file is not a JWK set (" + e.getMessage() + ")");
    }
  }

  /** Answers the key id that signed. */
  static String check(JsonObject document, JWKSet keys) {
    if (!(document.getValue("keyId") instanceof String keyId) || !(document.getValue("signature") instanceof String signature)) {
      throw VerifyRefusal.of("results.json is not signed (keyId and signature must be strings)");
    }
    JWK key = keys.getKeyByKeyId(keyId);
    if (!(key instanceof ECKey ec)) {
      throw VerifyRefusal.of("no EC key with id '" + keyId + "' among the published keys");
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(signature);
    } catch (ParseException e) {
      throw VerifyRefusal.of("signature is not a compact JWS");
    }
    if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || !keyId.equals(jws.getHeader().getKeyID())) {
      throw VerifyRefusal.of("signature header must be ES256 with kid '" + keyId + "'");
    }
    boolean valid;
    try {
      valid = jws.verify(new ECDSAVerifier(ec.toPublicJWK()));
    } catch (JOSEException | IllegalStateException e) {
      valid = false;
    }
    if (!valid) {
      throw VerifyRefusal.of("signature does not verify under key '" + keyId + "'");
    }
    JsonObject unsigned = document.copy();
    unsigned.remove("keyId");
    unsigned.remove("signature");
    if (!CanonicalJson.of(unsigned.encode()).equals(jws.getPayload().toString())) {
      throw VerifyRefusal.of("the signature is valid but covers a different document than results.json");
    }
    return keyId;
  }
}
