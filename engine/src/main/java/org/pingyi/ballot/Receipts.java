package org.pingyi.ballot;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Receipt codes: 130 random bits in 26 characters of Crockford base32, easy to read out over the phone. */
public final class Receipts {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final Pattern SHAPE = Pattern.compile("[0-9a-hjkmnp-tv-z]{26}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Receipts() {}

  public static String next() {
    byte[] bytes = new byte[26];
    RANDOM.nextBytes(bytes);
    char[] out = new char[26];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[bytes[i] & 31];
    }
    return new String(out);
  }

  public static boolean wellFormed(String receipt) {
    return receipt != null && SHAPE.matcher(receipt).matches();
  }
}
