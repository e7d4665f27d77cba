package org.pingyi.rehearsal;

import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.auth.DevFaceAuthProvider;
import org.pingyi.config.ConfigException;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.keys.EngineKeys;
import org.pingyi.keys.KeyFiles;
import org.pingyi.keys.ResultKeys;
import org.pingyi.roster.RosterEntry;
import org.pingyi.roster.RosterFiles;
import org.pingyi.roster.RosterGenerator;

/**
 * Lays out a rehearsal beside the deployment, under {@code <dataDir>/rehearsal}: its edition (the real one renamed,
 * every session by hand), a synthetic roster, the rehearsal face-auth provider's key and public JWKS, and key files of
 * its own (a rehearsal never signs with the real result key). Then answers the deployment's configuration with these
 * laid over it; the servers and admin tokens stay the deployment's. Blocking; runs before the engine starts. Made once:
 * a rehearsal started again finds its files (and its database) as it left them.
 */
public final class RehearsalSetup {
  public static final String ISSUER = "urn:pingyi:rehearsal";
  public static final String AUDIENCE = "pingyi-rehearsal";
  static final String PROVIDER_KEY = "provider.jwk";
  static final String PROVIDER_JWKS = "provider-jwks.json";
  static final String EDITION = "edition.yaml";
  static final String ROSTER = "roster.csv";

  /** What the rehearse command asks for. */
  public record Options(int httpPort, int managementPort, int representatives, long seed) {}

  private RehearsalSetup() {}

  /** The rehearsal's directory for a deployment whose data directory is {@code dataDir}. */
  public static Path directory(Map<String, String> deployment) {
    return Path.of(deployment.getOrDefault("dataDir", "./data")).resolve("rehearsal");
  }

  /** The deployment's values with the rehearsal's laid over them, ready for {@code ConfigLoader.forRehearsal}. */
  public static Map<String, String> prepare(Map<String, String> deployment, Options options) throws IOException {
    Path dir = directory(deployment);
    Files.createDirectories(dir);
    Path realEdition = Path.of(deployment.getOrDefault("edition", "config/editions/qingdao-2024.yaml"));
    Path edition = dir.resolve(EDITION);
    if (!Files.exists(edition)) {
      RehearsalEdition.write(realEdition, edition);
    }
    Edition loaded = EditionLoader.load(edition);
    Path roster = dir.resolve(ROSTER);
    if (!Files.exists(roster)) {
      List<RosterEntry> synthetic = RosterGenerator.generate(loaded, options.representatives(), options.seed());
      RosterFiles.write(synthetic, roster);
    }
    Path keys = EngineKeys.keysDirectory(dir);
    KeyFiles.create(keys.resolve(PROVIDER_KEY), DevFaceAuthProvider.newKey().toJSONString());
    Path jwks = dir.resolve(PROVIDER_JWKS);
    provider(dir).writeJwks(jwks);
    KeyFiles.create(keys.resolve(EngineKeys.ACCESS_TOKEN_FILE), EngineKeys.newSecret("rehearsal-access"));
    KeyFiles.create(keys.resolve(EngineKeys.RESULTS_FILE), ResultKeys.generate().toJSONString());
    KeyFiles.create(keys.resolve(EngineKeys.PSEUDONYM_FILE), EngineKeys.newSecret("rehearsal-pseudonym"));
    KeyFiles.create(keys.resolve(EngineKeys.CITIZEN_ID_FILE), EngineKeys.newSecret("rehearsal-citizen-id"));

    Map<String, String> values = new LinkedHashMap<>(deployment);
    values.keySet().removeIf(key -> key.startsWith("sms.") && !key.equals("sms.ratePerSecond")
        || key.equals("keys.resultsRetired"));
    values.put("http.port", String.valueOf(options.httpPort()));
    values.put("management.port", String.valueOf(options.managementPort()));
    values.put("dataDir", dir.toString());
    values.put("edition", edition.toString());
    values.put("roster", roster.toString());
    values.put("faceAuth.issuer", ISSUER);
    values.put("faceAuth.audience", AUDIENCE);
    values.put("faceAuth.jwks", jwks.toString());
    values.put("keys.accessToken", keys.resolve(EngineKeys.ACCESS_TOKEN_FILE).toString());
    values.put("keys.results", keys.resolve(EngineKeys.RESULTS_FILE).toString());
    values.put("keys.pseudonym", keys.resolve(EngineKeys.PSEUDONYM_FILE).toString());
    values.put("keys.citizenId", keys.resolve(EngineKeys.CITIZEN_ID_FILE).toString());
    return values;
  }

  /** The rehearsal's face-auth provider: signs ID tokens for the synthetic roster's subjects. Blocking (reads its key). */
  static DevFaceAuthProvider provider(Path dir) throws IOException {
    String text = Files.readString(EngineKeys.keysDirectory(dir).resolve(PROVIDER_KEY)).strip();
    try {
      return new DevFaceAuthProvider(ECKey.parse(text), Clock.systemUTC());
    } catch (ParseException e) {
      throw new ConfigException("rehearsal: the provider key " + EngineKeys.keysDirectory(dir).resolve(PROVIDER_KEY)
          + " is not an EC JWK: " + e.getMessage());
    }
  }

  /** The synthetic roster the rehearsal imported. Blocking. */
  static List<RosterEntry> roster(Path dir, Edition edition) throws IOException {
    var parse = RosterFiles.read(dir.resolve(ROSTER), edition);
    if (!parse.ok()) {
      throw new IllegalStateException("the rehearsal roster " + dir.resolve(ROSTER) + " does not read back");
    }
    return parse.entries();
  }
}
