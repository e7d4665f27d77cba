package org.pingyi.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.pingyi.http.AccessLog;
import org.pingyi.store.PgLocation;
import org.pingyi.store.RedisLocation;

/**
 * Reads config/engine.yaml and lays the PINGYI_* environment variables over it. Each key of the file has exactly
 * one variable (see {@link #KEYS}); an unknown key in the file is an error, so a typo never silently falls back to
 * a default.
 */
public final class ConfigLoader {

  /** YAML key path → environment variable. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("http.port", "PINGYI_HTTP_PORT");
    KEYS.put("postgres.url", "PINGYI_PG_URL");
    KEYS.put("postgres.poolSize", "PINGYI_PG_POOL_SIZE");
    KEYS.put("postgres.migrationUrl", "PINGYI_PG_MIGRATION_URL");
    KEYS.put("redis.url", "PINGYI_REDIS_URL");
    KEYS.put("redis.cluster", "PINGYI_REDIS_CLUSTER");
    KEYS.put("dataDir", "PINGYI_DATA_DIR");
    KEYS.put("edition", "PINGYI_EDITION");
    KEYS.put("roster", "PINGYI_ROSTER");
    KEYS.put("faceAuth.issuer", "PINGYI_FACE_AUTH_ISSUER");
    KEYS.put("faceAuth.audience", "PINGYI_FACE_AUTH_AUDIENCE");
    KEYS.put("faceAuth.jwks", "PINGYI_FACE_AUTH_JWKS");
    KEYS.put("adminTokens", "PINGYI_ADMIN_TOKENS");
    KEYS.put("sms.gatewayUrl", "PINGYI_SMS_GATEWAY_URL");
    KEYS.put("sms.auth", "PINGYI_SMS_GATEWAY_AUTH");
    KEYS.put("sms.template", "PINGYI_SMS_GATEWAY_TEMPLATE");
    KEYS.put("sms.ratePerSecond", "PINGYI_SMS_RATE_PER_SECOND");
    KEYS.put("profile", "PINGYI_PROFILE");
    KEYS.put("management.port", "PINGYI_MANAGEMENT_PORT");
    KEYS.put("postgres.readPoolSize", "PINGYI_PG_READ_POOL_SIZE");
    KEYS.put("limits.loginAttemptsPerMinute", "PINGYI_LOGIN_ATTEMPTS_PER_MINUTE");
    KEYS.put("limits.ballotsInFlight", "PINGYI_BALLOTS_IN_FLIGHT");
    KEYS.put("http.hstsSeconds", "PINGYI_HSTS_SECONDS");
    KEYS.put("http.accessLog", "PINGYI_ACCESS_LOG");
    KEYS.put("http.warmUpBallots", "PINGYI_WARM_UP_BALLOTS");
    KEYS.put("keys.accessToken", "PINGYI_ACCESS_TOKEN_KEY");
    KEYS.put("keys.results", "PINGYI_RESULTS_KEY");
    KEYS.put("keys.resultsRetired", "PINGYI_RESULTS_RETIRED_KEYS");
    KEYS.put("keys.pseudonym", "PINGYI_PSEUDONYM_KEY");
    KEYS.put("accessTokens.lifetimeMinutes", "PINGYI_ACCESS_TOKEN_MINUTES");
    KEYS.put("keys.citizenId", "PINGYI_CITIZEN_ID_KEY");
  }

  private static final Set<String> SECTIONS = Set.of("http", "postgres", "redis", "faceAuth", "sms", "management", "limits",
      "keys", "accessTokens");

  private ConfigLoader() {}

  /** The environment variable of a configuration key, for messages that name both. */
  public static String variableOf(String key) {
    return KEYS.get(key);
  }

  /** The checked configuration: {@link #values} read by {@link #fromValues}. */
  public static EngineConfig load(Map<String, String> env) {
    return fromValues(values(env));
  }

  /** The file named by PINGYI_CONFIG, else config/engine.yaml when it exists, overlaid by the environment. */
  public static Map<String, String> values(Map<String, String> env) {
    Path file = Path.of(env.getOrDefault("PINGYI_CONFIG", "config/engine.yaml"));
    Map<String, String> values = new LinkedHashMap<>();
    if (Files.exists(file)) {
      values.putAll(readYaml(file));
    } else if (env.containsKey("PINGYI_CONFIG")) {
      throw new ConfigException("PINGYI_CONFIG: file " + file + " does not exist");
    }
    KEYS.forEach((key, variable) -> {
      String value = env.get(variable);
      if (value != null) {
        values.put(key, value);
      }
    });
    return values;
  }

  static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return values;
    }
    flatten("", root, values, file);
    return values;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
    node.fields().forEachRemaining(entry -> {
      String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      JsonNode value = entry.getValue();
      if (value.isObject() && SECTIONS.contains(key)) {
        flatten(key, value, out, file);
      } else if (!KEYS.containsKey(key)) {
        throw new ConfigException(file + ": unknown key '" + key + "'");
      } else if (!value.isNull()) {
        out.put(key, value.asText());
      }
    });
  }

  public static EngineConfig fromValues(Map<String, String> v) {
    return fromValues(v, false);
  }

  /**
   * A rehearsal's configuration: the deployment's servers and admin tokens with the rehearsal's own edition, roster,
   * face-auth provider, keys and data directory laid over them (see {@code rehearsal/RehearsalSetup}). Its reminders
   * go to the file sink even in production: a rehearsal never texts anybody.
   */
  public static EngineConfig forRehearsal(Map<String, String> v) {
    return fromValues(v, true);
  }

  private static EngineConfig fromValues(Map<String, String> v, boolean rehearsal) {
    int port = intValue(v, "http.port", 8080, 0, 65535);
    int managementPort = intValue(v, "management.port", 8081, 0, 65535);
    if (managementPort != 0 && managementPort == port) {
      // Two servers on one port would share it, each answering every other request: /metrics would leak.
      throw new ConfigException("management.port (PINGYI_MANAGEMENT_PORT): must differ from http.port (" + port + ")");
    }
    Optional<String> pgUrl = text(v, "postgres.url");
    Optional<PgLocation> postgres = pgUrl.map(url -> parsed("postgres.url", () -> PgLocation.parse(url)));
    int poolSize = intValue(v, "postgres.poolSize", 16, 1, 200);
    Optional<String> migrationUrl = text(v, "postgres.migrationUrl");
    Optional<PgLocation> migrations = migrationUrl.map(url -> parsed("postgres.migrationUrl", () -> PgLocation.parseMigration(url)));
    if (migrationUrl.isPresent() && pgUrl.isEmpty()) {
      throw new ConfigException("postgres.migrationUrl (PINGYI_PG_MIGRATION_URL) needs postgres.url (PINGYI_PG_URL), the runtime role");
    }
    Optional<String> redisUrl = text(v, "redis.url");
    boolean redisCluster = booleanValue(v, "redis.cluster");
    if (redisCluster && redisUrl.isEmpty()) {
      throw new ConfigException("redis.cluster (PINGYI_REDIS_CLUSTER): the embedded Redis is no cluster; name the cluster's "
          + "seed nodes in redis.url (PINGYI_REDIS_URL) as redis://h1:6379,redis://h2:6379");
    }
    Optional<RedisLocation> redis = redisUrl.map(url -> parsed("redis.url", () -> RedisLocation.parse(url, redisCluster)));

    Path edition = Path.of(text(v, "edition").orElse("config/editions/qingdao-2024.yaml"));
    if (!Files.isRegularFile(edition)) {
      throw new ConfigException("edition (" + KEYS.get("edition") + "): file " + edition + " does not exist");
    }
    Path roster = Path.of(text(v, "roster").orElse("config/roster/demo-roster.csv"));

    Optional<String> issuer = text(v, "faceAuth.issuer");
    Optional<String> audience = text(v, "faceAuth.audience");
    Optional<String> jwks = text(v, "faceAuth.jwks");
    Optional<EngineConfig.FaceAuth> faceAuth = Optional.empty();
    if (issuer.isPresent() || audience.isPresent() || jwks.isPresent()) {
      for (String key : new String[] {"faceAuth.issuer", "faceAuth.audience", "faceAuth.jwks"}) {
        if (text(v, key).isEmpty()) {
          throw new ConfigException(key + " (" + KEYS.get(key) + ") is required when a face-auth provider is configured");
        }
      }
      faceAuth = Optional.of(new EngineConfig.FaceAuth(issuer.get(), audience.get(), jwks.get()));
    }

    // A rehearsal's synthetic representatives have made-up phones: its messages go to the file sink, always.
    Optional<EngineConfig.Sms> sms = rehearsal ? Optional.empty() : text(v, "sms.gatewayUrl")
        .map(url -> {
          requireScheme("sms.gatewayUrl", url, "http", "https");
          return new EngineConfig.Sms(url, text(v, "sms.auth"), text(v, "sms.template"));
        });

    EngineConfig.Profile profile;
    try {
      profile = EngineConfig.Profile.parse(v.get("profile"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("profile (PINGYI_PROFILE): '" + v.get("profile") + "' is not one of development, production");
    }
    Optional<String> adminTokens = text(v, "adminTokens");
    AccessLog.Mode accessLog;
    try {
      accessLog = AccessLog.Mode.valueOf(text(v, "http.accessLog").orElse("refusals"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("http.accessLog (PINGYI_ACCESS_LOG): '" + v.get("http.accessLog") + "' is not one of refusals, all");
    }
    if (profile == EngineConfig.Profile.PRODUCTION) {
      if (faceAuth.isEmpty()) {
        throw new ConfigException("faceAuth.issuer (PINGYI_FACE_AUTH_ISSUER): production refuses demo mode; configure the face-auth provider");
      }
      if (faceAuth.get().jwks().regionMatches(true, 0, "http://", 0, 7)) {
        throw new ConfigException("faceAuth.jwks (PINGYI_FACE_AUTH_JWKS): production refuses a JWKS over plain http "
            + "(anyone on the way could swap the provider's keys); use https:// or a file");
      }
      if (adminTokens.isEmpty()) {
        throw new ConfigException("adminTokens (PINGYI_ADMIN_TOKENS): production needs configured admin tokens");
      }
      if (sms.isEmpty() && !rehearsal) {
        throw new ConfigException("sms.gatewayUrl (PINGYI_SMS_GATEWAY_URL): production refuses the SMS file sink");
      }
      requireTls("postgres.url", postgres);
      requireTls("postgres.migrationUrl", migrations);
      if (redis.isPresent() && !redis.get().protectedInTransit()) {
        throw new ConfigException("redis.url (PINGYI_REDIS_URL): production refuses a Redis on another machine without "
            + "TLS; use rediss:// (or rediss-sentinel://)");
      }
      for (String key : new String[] {"keys.accessToken", "keys.results", "keys.pseudonym", "keys.citizenId"}) {
        if (text(v, key).isEmpty()) {
          throw new ConfigException(key + " (" + KEYS.get(key) + "): production needs this key file; "
              + "'java -jar pingyi-engine.jar keys generate' makes one");
        }
      }
    }
    EngineConfig.Keys keys = new EngineConfig.Keys(path(v, "keys.accessToken"), path(v, "keys.results"),
        path(v, "keys.resultsRetired"), path(v, "keys.pseudonym"), path(v, "keys.citizenId"));
    Duration tokenLifetime = Duration.ofMinutes(intValue(v, "accessTokens.lifetimeMinutes",
        (int) EngineConfig.MAX_ACCESS_TOKEN_LIFETIME.toMinutes(), 5, (int) EngineConfig.MAX_ACCESS_TOKEN_LIFETIME.toMinutes()));
    return new EngineConfig(port, pgUrl, poolSize, redisUrl, Path.of(text(v, "dataDir").orElse("./data")),
        edition, roster, faceAuth, adminTokens, sms, intValue(v, "sms.ratePerSecond", 100, 5, 10_000), profile,
        managementPort, new EngineConfig.Limits(intValue(v, "limits.loginAttemptsPerMinute", 10, 1, 1000),
            intValue(v, "limits.ballotsInFlight", 10_000, 1, 1_000_000), intValue(v, "postgres.readPoolSize", 4, 1, 50)),
        intValue(v, "http.hstsSeconds", 0, 0, 63_072_000), migrationUrl, keys, tokenLifetime, redisCluster,
        rehearsal, accessLog, intValue(v, "http.warmUpBallots", 100_000, 0, 1_000_000));
  }

  private static void requireTls(String key, Optional<PgLocation> location) {
    if (location.isPresent() && !location.get().protectedInTransit()) {
      throw new ConfigException(key + " (" + KEYS.get(key) + "): production refuses a PostgreSQL on another machine without "
          + "TLS; add sslmode=verify-full&sslrootcert=<CA file> (or require, verify-ca)");
    }
  }

  private static boolean booleanValue(Map<String, String> v, String key) {
    String value = text(v, key).orElse("false").trim();
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ConfigException(key + " (" + KEYS.get(key) + "): '" + value + "' is neither true nor false");
  }

  /** A URL read by its parser; what the parser refuses stops the start, naming the key. */
  private static <T> T parsed(String key, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + " (" + KEYS.get(key) + "): " + e.getMessage());
    }
  }

  private static Optional<Path> path(Map<String, String> v, String key) {
    return text(v, key).map(Path::of);
  }

  private static Optional<String> text(Map<String, String> v, String key) {
    String value = v.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static int intValue(Map<String, String> v, String key, int fallback, int min, int max) {
    Optional<String> value = text(v, key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed < min || parsed > max) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " (" + KEYS.get(key) + "): '" + value.get() + "' is not a whole number from " + min + " to " + max);
    }
  }

  private static void requireScheme(String key, String url, String... schemes) {
    String scheme;
    try {
      scheme = URI.create(url).getScheme();
    } catch (IllegalArgumentException e) {
      scheme = null;
    }
    for (String allowed : schemes) {
      if (allowed.equalsIgnoreCase(scheme)) {
        return;
      }
    }
    throw new ConfigException(key + " (" + KEYS.get(key) + "): not a " + String.join("/", schemes) + ":// URL");
  }
}
