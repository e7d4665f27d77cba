package org.pingyi.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    return new Pseudonyms(hmac(pseudonymKey, DERIVATION + editionId));
  }

  public String voter(String representativeId) {
    return HexFormat.of().formatHex(hmac(editionKey, representativeId)).substring(0, 32);
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
