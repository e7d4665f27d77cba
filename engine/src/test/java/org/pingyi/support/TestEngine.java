package org.pingyi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import org.pingyi.Engine;
import org.pingyi.auth.AccessTokens;
import org.pingyi.auth.AdminRole;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;
import org.pingyi.keys.EngineKeys;

/**
 * An engine for a test: on the machine's PostgreSQL (a database of its own, migrated by an owner role of its own and
 * served by a runtime role that owns nothing, as in production) and Redis (a database index of its own), the 2024
 * edition and the demo roster, on a free port. Tests run from engine/, so the project's config/ is one level up.
 */
public final class TestEngine implements AutoCloseable {
  public static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  public static final Path EDITION = PROJECT.resolve("config/editions/qingdao-2024.yaml");
  public static final Path DEMO_ROSTER = PROJECT.resolve("config/roster/demo-roster.csv");
  private static final AtomicInteger REDIS_DB = new AtomicInteger(1);

  private final Engine engine;
  private final String database;
  private final Api api;

  private final boolean ownsDatabase;

  private TestEngine(Engine engine, String database, boolean ownsDatabase) {
    this.engine = engine;
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.api = new Api(engine.httpPort());
  }

  /** The settings a test engine starts from; tests override what they prove. */
  public static Map<String, String> baseSettings(String database, int redisDb) throws Exception {
    Map<String, String> v = new HashMap<>();
    v.put("http.port", "0");
    v.put("management.port", "0");
    v.put("postgres.url", TestServers.pgUrl(TestServers.runtimeRole(database), database));
    v.put("postgres.migrationUrl", TestServers.pgUrl(TestServers.ownerRole(database), database));
    v.put("postgres.poolSize", "8");
    v.put("redis.url", TestServers.redisUrl(redisDb));
    v.put("edition", EDITION.toString());
    v.put("roster", DEMO_ROSTER.toString());
    v.put("dataDir", Files.createTempDirectory("pingyi-test-data").toString());
    v.put("http.warmUpBallots", "0");  // tests never measure speed; WarmUpTest proves the warm-up
    return v;
  }

  public static TestEngine start() throws Exception {
    return start(Map.of());
  }

  public static TestEngine start(Map<String, String> overrides) throws Exception {
    return start(TestServers.newDatabaseName(), overrides, Clock.systemUTC());
  }

  /** An engine whose suggestion loop goes by {@code clock} (deadlines, the daily job). */
  public static TestEngine start(Map<String, String> overrides, Clock clock) throws Exception {
    return start(TestServers.newDatabaseName(), overrides, clock);
  }

  /** A second engine on the same database and Redis, as another instance behind the load balancer would be. */
  public TestEngine sibling() throws Exception {
    return sibling(Map.of());
  }

  /** A sibling with some settings of its own (for example the same SMS gateway). */
  public TestEngine sibling(Map<String, String> overrides) throws Exception {
    return sibling(overrides, Clock.systemUTC());
  }

  /** A sibling whose own time (suggestion loop, automatic schedule) goes by {@code clock}. */
  public TestEngine sibling(Map<String, String> overrides, Clock clock) throws Exception {
    Map<String, String> settings = new HashMap<>();
    settings.put("http.port", "0");
    settings.put("management.port", "0");
    engine.config().pgUrl().ifPresent(url -> settings.put("postgres.url", url));
    engine.config().pgMigrationUrl().ifPresent(url -> settings.put("postgres.migrationUrl", url));
    settings.put("redis.url", engine.config().redisUrl().orElseThrow());
    EngineKeys.Locations keys = keyFiles();
    settings.put("keys.accessToken", keys.accessToken().toString());
    settings.put("keys.results", keys.results().toString());
    settings.put("keys.pseudonym", keys.pseudonym().toString());
    settings.put("keys.citizenId", keys.citizenId().toString());
    settings.put("edition", EDITION.toString());
    settings.put("roster", DEMO_ROSTER.toString());
    settings.put("dataDir", Files.createTempDirectory("pingyi-test-data").toString());
    settings.put("http.warmUpBallots", "0");
    settings.putAll(overrides);
    EngineConfig config = ConfigLoader.fromValues(settings).withAdminTokens(null);
    return new TestEngine(Engine.start(config, clock), database, false);
  }

  /**
   * On a database of the given name (which the overrides' postgres.url may name), served by a runtime role and
   * migrated by an owner role of its own; database and roles are dropped on close from the machine's PostgreSQL.
   */
  public static TestEngine start(String database, Map<String, String> overrides) throws Exception {
    return start(database, overrides, Clock.systemUTC());
  }

  private static TestEngine start(String database, Map<String, String> overrides, Clock clock) throws Exception {
    TestServers.createRoles(database);
    try {
      Map<String, String> settings = baseSettings(database, nextRedisDb());
      if (overrides.containsKey("postgres.url") && !overrides.containsKey("postgres.migrationUrl")) {
        settings.remove("postgres.migrationUrl");  // another server: its URL's role migrates too
      }
      settings.putAll(overrides);
      EngineConfig config = ConfigLoader.fromValues(settings);
      return new TestEngine(Engine.start(config, clock), database, true);
    } catch (Exception | Error e) {
      try {
        TestServers.dropDatabase(database);
      } finally {
        TestServers.dropRoles(database);
      }
      throw e;
    }
  }

  /** The key files this engine reads (its data directory's, unless configured). */
  public EngineKeys.Locations keyFiles() {
    return EngineKeys.Locations.of(engine.config());
  }

  /** What another engine process needs to be an instance of this one: the same servers, roles and key files. */
  public Map<String, String> instanceEnv() {
    Map<String, String> env = new HashMap<>();
    engine.config().pgUrl().ifPresent(url -> env.put("PINGYI_PG_URL", url));
    engine.config().pgMigrationUrl().ifPresent(url -> env.put("PINGYI_PG_MIGRATION_URL", url));
    env.put("PINGYI_REDIS_URL", engine.config().redisUrl().orElseThrow());
    env.put("PINGYI_ACCESS_TOKEN_KEY", keyFiles().accessToken().toString());
    env.put("PINGYI_RESULTS_KEY", keyFiles().results().toString());
    env.put("PINGYI_PSEUDONYM_KEY", keyFiles().pseudonym().toString());
    env.put("PINGYI_CITIZEN_ID_KEY", keyFiles().citizenId().toString());
    return env;
  }

  /** Redis databases 1..15 in turn; 0 is left to whoever else uses the machine's Redis. */
  public static int nextRedisDb() {
    return 1 + Math.floorMod(REDIS_DB.getAndIncrement(), 15);
  }

  public Engine engine() {
    return engine;
  }

  public Api api() {
    return api;
  }

  /** The management port: /metrics and /health/*. */
  public Api management() {
    return new Api(engine.managementPort());
  }

  public String database() {
    return database;
  }

  public String adminToken(AdminRole role) {
    return engine.adminTokens().demoTokens().get(role);
  }

  /** An engine access token for a representative, minted with the key file every instance of this engine reads. */
  public String accessToken(String representativeId) throws Exception {
    if (accessTokens == null) {
      accessTokens = accessTokensFrom(keyFiles().accessToken());
    }
    return accessTokens.issue(representativeId, java.time.Instant.now().plusSeconds(3600));
  }

  /** Access tokens under the key in this file, as the engine makes them. */
  public static AccessTokens accessTokensFrom(Path keyFile) throws Exception {
    OctetSequenceKey key = OctetSequenceKey.parse(Files.readString(keyFile).strip());
    return new AccessTokens(key.toByteArray(), EngineConfig.MAX_ACCESS_TOKEN_LIFETIME, Clock.systemUTC());
  }

  private AccessTokens accessTokens;

  public String subjectOf(String representativeId) throws Exception {
    try (var c = TestServers.connect(database); var st = c.prepareStatement("SELECT subject FROM representatives WHERE id = ?")) {
      st.setString(1, representativeId);
      var rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  /** Active representatives of the demo roster, in id order. */
  public java.util.List<String> activeRepresentatives(int limit) throws Exception {
    try (var c = TestServers.connect(database);
         var st = c.prepareStatement("SELECT id FROM representatives WHERE status = 'active' ORDER BY id LIMIT ?")) {
      st.setInt(1, limit);
      var rs = st.executeQuery();
      var ids = new java.util.ArrayList<String>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  /** The demo token of a department (role department:&lt;code&gt;). */
  public String department(String code) {
    return engine.adminTokens().demoDepartmentTokens().get(code);
  }

  public String operator() {
    return adminToken(AdminRole.operator);
  }

  public String auditor() {
    return adminToken(AdminRole.auditor);
  }

  public void open(String sessionId) {
    var reply = api.post("/api/v1/admin/sessions/" + sessionId + "/open", "", "Authorization", "Bearer " + operator());
    if (reply.status() != 200) {
      throw new IllegalStateException("open failed: " + reply.body());
    }
  }

  /** {@link TestServers#count} on this engine's database. */
  public long count(String sql, Object... parameters) throws Exception {
    return TestServers.count(database, sql, parameters);
  }

  @Override
  public void close() {
    engine.close();
    deleteTree(engine.config().dataDir());
    if (ownsDatabase) {
      try {
        TestServers.dropDatabase(database);
      } finally {
        TestServers.dropRoles(database);
      }
    }
  }

  static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
