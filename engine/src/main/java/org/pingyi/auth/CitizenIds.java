package org.pingyi.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A citizen's pseudonymous id: {@code c} + the first 32 hex characters (128 bits) of
 * HMAC-SHA-256(key, "pingyi-citizen-v1\n" + issuer + "\n" + subject). The same face always gets the same id (so a
 * citizen finds their suggestions again), but without the key nobody can tell whose face an id stands for, nor test
 * a known subject against it. The raw subject is never stored, logged, exported or put in a token.
 */
public final class CitizenIds {
  private final byte[] key;

  CitizenIds(byte[] key) {
    this.key = key.clone();
  }

  /** The key comes from its file (keys.citizenId, PINGYI_CITIZEN_ID_KEY; see EngineKeys), never the database. */
  public static CitizenIds fromKey(byte[] key) {
    return new CitizenIds(key);
  }

  public String of(String issuer, String subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(("pingyi-citizen-v1\n" + issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
      return "c" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
