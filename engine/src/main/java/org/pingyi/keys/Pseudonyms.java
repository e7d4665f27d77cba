package org.pingyi.keys;

import java.util.HexFormat;
import org.pingyi.Hashes;

/**
 * The export's and the roster commitment's {@code voter}: HMAC-SHA-256 of the representative id under a per-edition
 * key, hex, first 32 characters. The per-edition key is HMAC-SHA-256(pseudonym key, "pingyi-pseudonym-v1\n" +
 * editionId), so pseudonyms are stable within an edition and unrelated across editions, and nobody without the key
 * file can tell whose line is whose.
 */
public final class Pseudonyms {
  static final String DERIVATION = "pingyi-pseudonym-v1\n";
  private final byte[] editionKey;

  private Pseudonyms(byte[] editionKey) {
    this.editionKey = editionKey;
  }

  public static Pseudonyms forEdition(byte[] pseudonymKey, String editionId) {
    return new Pseudonyms(Hashes.hmacSha256(pseudonymKey, DERIVATION + editionId));
  }

  public String voter(String representativeId) {
    return HexFormat.of().formatHex(Hashes.hmacSha256(editionKey, representativeId)).substring(0, 32);
  }
}
