package org.pingyi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.support.TestEngine;

class ConfigLoaderTest {

  static final Path ENGINE_YAML = TestEngine.PROJECT.resolve("config/engine.yaml");

  @TempDir Path dir;

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("PINGYI_EDITION", TestEngine.EDITION.toString());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void theCommittedEngineYamlNamesEveryKeyAndStartsInDemoModeOnEmbeddedServers() {
    EngineConfig config = ConfigLoader.load(env("PINGYI_CONFIG", ENGINE_YAML.toString()));
    assertEquals(8080, config.httpPort());
    assertTrue(config.embeddedPostgres());
    assertTrue(config.embeddedRedis());
    assertTrue(config.demoMode());
    assertEquals(Path.of("./data"), config.dataDir());
    assertEquals(100, config.smsRatePerSecond());
  }

  @Test
  void theCommittedEngineYamlHasExactlyTheLoadersKeys() throws Exception {
    Set<String> inFile = leafKeys(ENGINE_YAML);
    assertTrue(inFile.contains("http.port") && inFile.contains("sms.gatewayUrl"), "the file was read: " + inFile);
    Set<String> onlyInLoader = new TreeSet<>(ConfigLoader.KEYS.keySet());
    onlyInLoader.removeAll(inFile);
    Set<String> onlyInFile = new TreeSet<>(inFile);
    onlyInFile.removeAll(ConfigLoader.KEYS.keySet());
    assertEquals(Set.of(), onlyInLoader, "keys the loader knows that config/engine.yaml does not name (null-valued keys count)");
    assertEquals(Set.of(), onlyInFile, "keys of config/engine.yaml the loader does not know");
    assertEquals(ConfigLoader.KEYS.size(), new TreeSet<>(ConfigLoader.KEYS.values()).size(), "one variable per key");
  }

  @Test
  void theCommittedEngineYamlHoldsNoSecrets() {
    Map<String, String> set = ConfigLoader.readYaml(ENGINE_YAML);
    assertFalse(set.isEmpty(), "the file sets some keys");
    set.forEach((key, value) -> assertFalse(value.toLowerCase(Locale.ROOT).contains("password"), key));
    assertFalse(set.containsKey("adminTokens"), "no admin token hashes committed");
    assertFalse(set.containsKey("sms.auth"), "no SMS credentials committed");
  }

  /** Every leaf of the YAML file as a dotted path, whatever its value (null included), read without the loader. */
  private static Set<String> leafKeys(Path file) throws Exception {
    Set<String> keys = new TreeSet<>();
    collect("", new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), keys);
    return keys;
  }

  private static void collect(String prefix, JsonNode node, Set<String> keys) {
    node.fields().forEachRemaining(e -> {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue().isObject()) {
        collect(key, e.getValue(), keys);
      } else {
        keys.add(key);
      }
    });
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    Path file = dir.resolve("engine.yaml");
    Files.writeString(file, "http:\n  port: 9000\nredis:\n  url: redis://127.0.0.1:6390\n");
    EngineConfig config = ConfigLoader.load(env("PINGYI_CONFIG", file.toString(), "PINGYI_HTTP_PORT", "9100",
        "PINGYI_PG_URL", "postgresql://postgres@127.0.0.1:5432/x", "PINGYI_SMS_RATE_PER_SECOND", "250"));
    assertEquals(9100, config.httpPort());
    assertEquals(250, config.smsRatePerSecond());
    assertEquals("redis://127.0.0.1:6390", config.redisUrl().orElseThrow());
    assertEquals("postgresql://postgres@127.0.0.1:5432/x", config.pgUrl().orElseThrow());
  }

  @Test
  void aBadValueIsRefusedNamingItsKeyAndVariable() {
    var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_CONFIG", "/nonexistent.yaml")));
    assertTrue(e.getMessage().contains("PINGYI_CONFIG"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.fromValues(Map.of("http.port", "eighty",
        "edition", TestEngine.EDITION.toString())));
    assertTrue(e.getMessage().startsWith("http.port (PINGYI_HTTP_PORT)"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.fromValues(Map.of("redis.url", "localhost:6379",
        "edition", TestEngine.EDITION.toString())));
    assertTrue(e.getMessage().startsWith("redis.url (PINGYI_REDIS_URL)"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.fromValues(Map.of("faceAuth.issuer", "https://id.example",
        "edition", TestEngine.EDITION.toString())));
    assertTrue(e.getMessage().contains("faceAuth.audience"), e.getMessage());
  }

  @Test
  void theManagementPortDefaultsTo8081AndMayNotShareThePublicPort() {
    assertEquals(8081, ConfigLoader.fromValues(Map.of("edition", TestEngine.EDITION.toString())).managementPort());
    var e = assertThrows(ConfigException.class, () -> ConfigLoader.fromValues(Map.of("http.port", "9000",
        "management.port", "9000", "edition", TestEngine.EDITION.toString())));
    assertTrue(e.getMessage().startsWith("management.port (PINGYI_MANAGEMENT_PORT)"), e.getMessage());
  }

  @Test
  void anUnknownKeyInTheFileIsAnErrorNotADefault() throws Exception {
    Path file = dir.resolve("engine.yaml");
    Files.writeString(file, "http:\n  prot: 9000\n");
    var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_CONFIG", file.toString())));
    assertTrue(e.getMessage().contains("http.prot"), e.getMessage());
  }

  @Test
  void productionRefusesDemoModeAndTheSmsFileSink() {
    var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_PROFILE", "production")));
    assertTrue(e.getMessage().contains("demo mode"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_PROFILE", "production",
        "PINGYI_FACE_AUTH_ISSUER", "https://id.example", "PINGYI_FACE_AUTH_AUDIENCE", "pingyi",
        "PINGYI_FACE_AUTH_JWKS", "/etc/jwks.json", "PINGYI_ADMIN_TOKENS", "operator:" + "a".repeat(64))));
    assertTrue(e.getMessage().contains("SMS"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_PROFILE", "production",
        "PINGYI_FACE_AUTH_ISSUER", "https://id.example", "PINGYI_FACE_AUTH_AUDIENCE", "pingyi",
        "PINGYI_FACE_AUTH_JWKS", "/etc/jwks.json", "PINGYI_ADMIN_TOKENS", "operator:" + "a".repeat(64),
        "PINGYI_SMS_GATEWAY_URL", "https://sms.example/send")));
    assertTrue(e.getMessage().startsWith("keys.accessToken (PINGYI_ACCESS_TOKEN_KEY): production needs this key file"), e.getMessage());
    var keys = production("PINGYI_CITIZEN_ID_KEY", "");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(keys));
    assertTrue(e.getMessage().startsWith("keys.citizenId (PINGYI_CITIZEN_ID_KEY): production needs this key file"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_PROFILE", "staging")));
    assertTrue(e.getMessage().contains("PINGYI_PROFILE"), e.getMessage());
  }

  /** Everything production needs, so each test below changes one thing. */
  private Map<String, String> production(String... pairs) {
    Map<String, String> env = env("PINGYI_PROFILE", "production",
        "PINGYI_FACE_AUTH_ISSUER", "https://id.example", "PINGYI_FACE_AUTH_AUDIENCE", "pingyi",
        "PINGYI_FACE_AUTH_JWKS", "/etc/jwks.json", "PINGYI_ADMIN_TOKENS", "operator:" + "a".repeat(64),
        "PINGYI_SMS_GATEWAY_URL", "https://sms.example/send", "PINGYI_ACCESS_TOKEN_KEY", "/run/pingyi/access-token.jwk",
        "PINGYI_RESULTS_KEY", "/run/pingyi/results.jwk", "PINGYI_PSEUDONYM_KEY", "/run/pingyi/pseudonym.jwk",
        "PINGYI_CITIZEN_ID_KEY", "/run/pingyi/citizen-id.jwk");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void productionRefusesAPostgresOrRedisOnAnotherMachineWithoutTls() {
    assertEquals(EngineConfig.Profile.PRODUCTION, ConfigLoader.load(production("PINGYI_PG_URL", "postgresql://u@127.0.0.1/db",
        "PINGYI_REDIS_URL", "redis://127.0.0.1:6379")).profile(), "servers on this machine need no TLS");
    ConfigLoader.load(production("PINGYI_PG_URL", "postgresql://u@db1,db2/db?sslmode=require",
        "PINGYI_REDIS_URL", "rediss://cache.example:6380"));
    for (String url : new String[] {"postgresql://u@db.example/db", "postgresql://u@127.0.0.1,db.example/db?sslmode=prefer",
        "postgresql://u@db.example/db?sslmode=allow"}) {
      var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(production("PINGYI_PG_URL", url)), url);
      assertTrue(e.getMessage().startsWith("postgres.url (PINGYI_PG_URL): production refuses"), e.getMessage());
    }
    // The owner role's URL is read by the same parser under the same rules, and refusals name its own key.
    ConfigLoader.load(production("PINGYI_PG_URL", "postgresql://app@db1,db2/db?sslmode=verify-full&sslrootcert=system",
        "PINGYI_PG_MIGRATION_URL", "postgresql://owner@db1,db2/db?sslmode=require&target_session_attrs=read-write"));
    var clear = assertThrows(ConfigException.class, () -> ConfigLoader.load(production(
        "PINGYI_PG_URL", "postgresql://app@db.example/db?sslmode=require", "PINGYI_PG_MIGRATION_URL", "postgresql://owner@db.example/db")));
    assertTrue(clear.getMessage().startsWith("postgres.migrationUrl (PINGYI_PG_MIGRATION_URL): production refuses"), clear.getMessage());
    var malformed = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_PG_URL", "postgresql://app@127.0.0.1/db",
        "PINGYI_PG_MIGRATION_URL", "postgresql://owner@h1:p1/db")));
    assertTrue(malformed.getMessage().startsWith("postgres.migrationUrl (PINGYI_PG_MIGRATION_URL): 'h1:p1' is not a host[:port]"),
        malformed.getMessage());
    var badMode = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_PG_URL", "postgresql://app@127.0.0.1/db",
        "PINGYI_PG_MIGRATION_URL", "postgresql://owner@127.0.0.1/db?sslmode=verify-full")));
    assertTrue(badMode.getMessage().startsWith("postgres.migrationUrl (PINGYI_PG_MIGRATION_URL): sslmode=verify-full needs sslrootcert"),
        badMode.getMessage());
    for (String url : new String[] {"redis://cache.example:6379", "redis-sentinel://s1,127.0.0.1/0#m"}) {
      var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(production("PINGYI_REDIS_URL", url)), url);
      assertTrue(e.getMessage().startsWith("redis.url (PINGYI_REDIS_URL): production refuses"), e.getMessage());
    }
  }

  @Test
  void productionRefusesAJwksOverPlainHttp() {
    var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(production("PINGYI_FACE_AUTH_JWKS",
        "HTTP://id.example/jwks.json")));
    assertTrue(e.getMessage().startsWith("faceAuth.jwks (PINGYI_FACE_AUTH_JWKS): production refuses a JWKS over plain http"),
        e.getMessage());
    assertEquals("https://id.example/jwks.json", ConfigLoader.load(production("PINGYI_FACE_AUTH_JWKS",
        "https://id.example/jwks.json")).faceAuth().orElseThrow().jwks());
    assertEquals("http://localhost/jwks.json", ConfigLoader.load(env("PINGYI_FACE_AUTH_ISSUER", "https://id.example",
        "PINGYI_FACE_AUTH_AUDIENCE", "pingyi", "PINGYI_FACE_AUTH_JWKS", "http://localhost/jwks.json")).faceAuth().orElseThrow().jwks(),
        "development may use a provider stub over http");
  }

  @Test
  void aServerUrlTheParserRefusesStopsTheStartNamingTheKey() {
    var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_PG_URL",
        "postgresql://u:secret@h1:5432,h2:x/db?target_session_attrs=read-write")));
    assertTrue(e.getMessage().startsWith("postgres.url (PINGYI_PG_URL): 'h2:x' is not a host[:port]"), e.getMessage());
    assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_REDIS_URL", "redis-sentinel://s1:26379")));
    assertTrue(e.getMessage().startsWith("redis.url (PINGYI_REDIS_URL): a sentinel URL names the master"), e.getMessage());
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRedisClusterIsNamedByItsSeedNodesAndWhatCannotBeOneIsRefused() {
    EngineConfig cluster = ConfigLoader.load(env("PINGYI_REDIS_URL", "redis://10.0.0.1:7000, redis://10.0.0.2:7000",
        "PINGYI_REDIS_CLUSTER", "true"));
    assertTrue(cluster.redisCluster());
    assertFalse(ConfigLoader.load(env("PINGYI_REDIS_URL", "redis://10.0.0.1:7000")).redisCluster());
    String[][] refused = {
        {"PINGYI_REDIS_CLUSTER", "true", "embedded Redis is no cluster"},
        {"PINGYI_REDIS_CLUSTER", "yes", "neither true nor false"},
    };
    for (String[] c : refused) {
      var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(c[0], c[1])));
      assertTrue(e.getMessage().contains("PINGYI_REDIS_CLUSTER") && e.getMessage().contains(c[2]), e.getMessage());
    }
    var sentinelSeed = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_REDIS_CLUSTER", "true",
        "PINGYI_REDIS_URL", "redis://10.0.0.1:7000,redis-sentinel://s1:26379/0#m")));
    assertTrue(sentinelSeed.getMessage().contains("not sentinels"), sentinelSeed.getMessage());
    var twoHosts = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("PINGYI_REDIS_URL", "redis://a:7000,b:7000")));
    assertTrue(twoHosts.getMessage().contains("PINGYI_REDIS_CLUSTER"), twoHosts.getMessage());
  }
}
