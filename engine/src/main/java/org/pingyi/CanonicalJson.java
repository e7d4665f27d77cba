package org.pingyi;

import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JCS) canonical JSON, through java-json-canonicalization: members sorted by UTF-16 code units, numbers in
 * ECMAScript form, no whitespace. What a results signature covers and what the edition hash is taken over. Duplicate
 * member names, NaN or infinite numbers are refused.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** The canonical form of a JSON text; IllegalArgumentException when it is not acceptable JSON. */
  public static String of(String json) {
    try {
      return new JsonCanonicalizer(json).getEncodedString();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not canonicalisable JSON: " + e.getMessage(), e);
    }
  }
}
