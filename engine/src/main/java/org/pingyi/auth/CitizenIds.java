package org.pingyi.auth;

import java.util.HexFormat;
import org.pingyi.Hashes;

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
    return "c" + HexFormat.of().formatHex(Hashes.hmacSha256(key, "pingyi-citizen-v1\n" + issuer + "\n" + subject), 0, 16);
  }
}
