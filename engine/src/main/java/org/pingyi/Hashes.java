package org.pingyi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digests the engine takes of UTF-8 text and bytes: token hashes, ballot body hashes, the ballot chain, script ids,
 * the roster draw's inputs; and the keyed HMAC-SHA-256 behind the export's and the citizens' pseudonyms.
 */
public final class Hashes {
  private Hashes() {}

  public static byte[] sha256(String text) {
    return digest("SHA-256", text);
  }

  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  /** SHA-256 of the parts one after the other (raw bytes, no separators). */
  public static byte[] sha256(byte[]... parts) {
    MessageDigest digest = sha256Digest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** A fresh SHA-256 digest, for streams read once (files hashed while they are parsed). */
  public static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** HMAC-SHA-256 of UTF-8 text under a key (a pseudonym's key stays in its file, see keys/EngineKeys). */
  public static byte[] hmacSha256(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  public static String sha1Hex(String text) {
    return HexFormat.of().formatHex(digest("SHA-1", text));
  }

  private static byte[] digest(String algorithm, String text) {
    try {
      return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }
}
