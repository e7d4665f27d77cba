package org.pingyi.results;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import org.pingyi.CanonicalJson;
import org.pingyi.keys.ResultKeys;

/**
 * Signs results documents: a compact JWS (ES256, header kid) whose payload is the RFC 8785 canonical JSON of the
 * document without keyId and signature. The private key comes from its file; only the signature is stored.
 */
public final class ResultsSigner {
  private final ECDSASigner signer;
  private final String keyId;

  public ResultsSigner(ResultKeys keys) {
    try {
      this.signer = new ECDSASigner(keys.signing());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the result-signing key cannot sign: " + e.getMessage(), e);
    }
    this.keyId = keys.keyId();
  }

  public String keyId() {
    return keyId;
  }

  /** The compact JWS over the canonical form of this document text (which holds no keyId or signature). */
  public String sign(String document) {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(),
        new Payload(CanonicalJson.of(document)));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing the results failed: " + e.getMessage(), e);
    }
    return jws.serialize();
  }
}
