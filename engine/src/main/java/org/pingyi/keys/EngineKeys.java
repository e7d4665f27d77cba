package org.pingyi.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.pingyi.config.ConfigException;
import org.pingyi.config.EngineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every key the engine holds, read from files at start (never from the database): the access-token key, the
 * result-signing keys, the export's pseudonym key, the citizens' pseudonym key and, in demo mode, the built-in face-auth provider's key. A key that is not
 * configured lives under {@code <dataDir>/keys} and is made on first start; production configures all of them. Every
 * instance must be given the same files.
 */
public record EngineKeys(OctetSequenceKey accessToken, ResultKeys results, OctetSequenceKey pseudonym,
    OctetSequenceKey citizenId, Optional<ECKey> devFaceAuth) {
  private static final Logger LOG = LoggerFactory.getLogger(EngineKeys.class);
  public static final String ACCESS_TOKEN_FILE = "access-token.jwk";
  public static final String RESULTS_FILE = "results.jwk";
  public static final String PSEUDONYM_FILE = "pseudonym.jwk";
  public static final String CITIZEN_ID_FILE = "citizen-id.jwk";
  public static final String DEV_FACE_AUTH_FILE = "dev-face-auth.jwk";
  static final int MIN_SECRET_BITS = 256;

  /** Where the files are for this configuration: the configured ones, else the data directory's. */
  public record Locations(Path accessToken, Path results, Optional<Path> resultsRetired, Path pseudonym, Path citizenId,
      Path devFaceAuth) {
    public static Locations of(EngineConfig config) {
      Path dir = keysDirectory(config.dataDir());
      EngineConfig.Keys keys = config.keys();
      return new Locations(keys.accessToken().orElse(dir.resolve(ACCESS_TOKEN_FILE)),
          keys.results().orElse(dir.resolve(RESULTS_FILE)), keys.resultsRetired(),
          keys.pseudonym().orElse(dir.resolve(PSEUDONYM_FILE)), keys.citizenId().orElse(dir.resolve(CITIZEN_ID_FILE)),
          dir.resolve(DEV_FACE_AUTH_FILE));
    }
  }

  public static Path keysDirectory(Path dataDir) {
    return dataDir.resolve("keys");
  }

  public byte[] accessTokenSecret() {
    return accessToken.toByteArray();
  }

  public byte[] pseudonymSecret() {
    return pseudonym.toByteArray();
  }

  public byte[] citizenIdSecret() {
    return citizenId.toByteArray();
  }

  /** Blocking; called at start, before anything listens. A missing or unreadable key stops the start naming its key. */
  public static EngineKeys load(EngineConfig config) {
    Locations at = Locations.of(config);
    boolean production = config.profile() == EngineConfig.Profile.PRODUCTION;
    OctetSequenceKey access = secret(text("keys.accessToken", at.accessToken(), production, () -> newSecret("access")));
    ResultKeys results;
    String resultsText = text("keys.results", at.results(), production, () -> ResultKeys.generate().toJSONString());
    String retired = at.resultsRetired().map(p -> text("keys.resultsRetired", p, true, null)).orElse(null);
    try {
      results = ResultKeys.of(resultsText, retired);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name("keys.results") + ": " + e.getMessage());
    }
    OctetSequenceKey pseudonym = secret(text("keys.pseudonym", at.pseudonym(), production, () -> newSecret("pseudonym")));
    OctetSequenceKey citizenId = secret(text("keys.citizenId", at.citizenId(), production, () -> newSecret("citizen-id")));
    Optional<ECKey> dev = Optional.empty();
    if (config.demoMode()) {
      dev = Optional.of(devKey(text("faceAuth (demo provider)", at.devFaceAuth(), false,
          () -> org.pingyi.auth.DevFaceAuthProvider.newKey().toJSONString())));
    }
    requireSecret("keys.accessToken", access);
    requireSecret("keys.pseudonym", pseudonym);
    requireSecret("keys.citizenId", citizenId);
    return new EngineKeys(access, results, pseudonym, citizenId, dev);
  }

  public static String newSecret(String purpose) {
    try {
      return new OctetSequenceKeyGenerator(MIN_SECRET_BITS).keyID(purpose + "-" + LocalDate.now()).generate().toJSONString();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(String key, Path file, boolean mustExist, Supplier<String> fresh) {
    try {
      if (!Files.exists(file)) {
        if (mustExist || fresh == null) {
          throw new ConfigException(name(key) + ": file " + file + " does not exist");
        }
        if (KeyFiles.create(file, fresh.get())) {
          LOG.info("made a new key file {} for {}", file, key);
        }
      } else if (KeyFiles.readableByOthers(file)) {
        LOG.warn("key file {} ({}) can be read by other users of this machine; chmod 600 it", file, key);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(name(key) + ": cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }

  private static OctetSequenceKey secret(String text) {
    try {
      JWK jwk = JWK.parse(text.strip());
      if (jwk instanceof OctetSequenceKey oct) {
        return oct;
      }
    } catch (ParseException e) {
      // refused below with the key's name
    }
    return null;
  }

  private static void requireSecret(String key, OctetSequenceKey secret) {
    if (secret == null || secret.size() < MIN_SECRET_BITS) {
      throw new ConfigException(name(key) + ": the file must hold a JWK {\"kty\":\"oct\",\"k\":…} of at least "
          + MIN_SECRET_BITS + " bits");
    }
  }

  private static ECKey devKey(String text) {
    try {
      ECKey key = ECKey.parse(text.strip());
      if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
        throw new ParseException("not an EC P-256 private key", 0);
      }
      return key;
    } catch (ParseException e) {
      throw new ConfigException("the demo face-auth key file is unreadable (" + e.getMessage() + "); delete it to make a new one");
    }
  }

  private static String name(String key) {
    String variable = org.pingyi.config.ConfigLoader.variableOf(key);
    return variable == null ? key : key + " (" + variable + ")";
  }
}
