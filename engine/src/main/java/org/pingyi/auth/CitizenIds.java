package org.pingyi.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pingyi.config.ConfigException;
import org.pingyi.config.EngineConfig;
import org.pingyi.store.PgLocation;
import org.pingyi.store.Secrets;

/**
 * A citizen's pseudonymous id: {@code c} + the first 32 hex characters (128 bits) of
 * HMAC-SHA-256(key, "pingyi-citizen-v1\n" + issuer + "\n" + subject). The same face always gets the same id (so a
 * citizen finds their suggestions again), but without the key nobody can tell whose face an id stands for, nor test
 * a known subject against it. The raw subject is never stored, logged, exported or put in a token.
 */
public final class CitizenIds {
  static final String SECRET_NAME = "citizen-id-key";
  private static final int MIN_KEY_CHARS = 32;

  private final byte[] key;

  CitizenIds(byte[] key) {
    this.key = key.clone();
  }

  /**
   * Blocking; called at start. The key comes from the file {@code citizenIdKey} names (required in production), or
   * outside production from the engine's shared secrets in PostgreSQL, so every instance agrees on it.
   */
  public static CitizenIds load(EngineConfig config, PgLocation postgres) throws Exception {
    if (config.citizenIdKey().isPresent()) {
      String text;
      try {
        text = Files.readString(config.citizenIdKey().get(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigException("citizenIdKey (PINGYI_CITIZEN_ID_KEY): cannot read " + config.citizenIdKey().get(), e);
      }
      if (text.length() < MIN_KEY_CHARS) {
        throw new ConfigException("citizenIdKey (PINGYI_CITIZEN_ID_KEY): the key file must hold at least " + MIN_KEY_CHARS
            + " characters (e.g. openssl rand -base64 32)");
      }
      return new CitizenIds(text.getBytes(StandardCharsets.UTF_8));
    }
    String stored = Secrets.getOrCreate(postgres, SECRET_NAME, () -> {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      return Base64.getEncoder().encodeToString(fresh);
    });
    return new CitizenIds(stored.getBytes(StandardCharsets.UTF_8));
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
