package org.pingyi.draw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The names pooled people go by in the public transcript (docs/draw.md §12): the first 16 hex digits of
 * HMAC-SHA-256(K, id), K = SHA-256("pingyi-draw-pseudonym-v1\n" ‖ pool file ‖ generator seed). Whoever holds the
 * pool file can recompute them; without it they link to nobody, and they change with every draw.
 */
final class Pseudonyms {
  private Pseudonyms() {}

  static long[] of(Pool pool, byte[] generatorSeed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pool.pseudonymKey(generatorSeed), "HmacSHA256"));
      long[] out = new long[pool.size];
      for (int i = 0; i < pool.size; i++) {
        out[i] = ByteBuffer.wrap(mac.doFinal(pool.ids[i].getBytes(StandardCharsets.UTF_8))).getLong();
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  static String hex(long pseudonym) {
    String digits = Long.toHexString(pseudonym);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
