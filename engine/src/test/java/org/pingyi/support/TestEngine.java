package org.pingyi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.pingyi.Engine;
import org.pingyi.auth.AdminRole;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;

/**
 * An engine for a test: on the machine's PostgreSQL (a database of its own) and Redis (a database index of its
 * own), the 2024 edition and the demo roster, on a free port. Tests run from engine/, so the project's config/
 * is one level up.
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
    v.put("postgres.url", TestServers.pgUrl(database));
    v.put("postgres.poolSize", "8");
    v.put("redis.url", TestServers.redisUrl(redisDb));
    v.put("edition", EDITION.toString());
    v.put("roster", DEMO_ROSTER.toString());
    v.put("dataDir", Files.createTempDirectory("pingyi-test-data").toString());
    return v;
  }

  public static TestEngine start() throws Exception {
    return start(Map.of());
  }

  public static TestEngine start(Map<String, String> overrides) throws Exception {
    return start(TestServers.newDatabaseName(), overrides);
  }

  /** A second engine on the same database and Redis, as another instance behind the load balancer would be. */
  public TestEngine sibling() throws Exception {
    return sibling(Map.of());
  }

  /** A sibling with some settings of its own (for example the same SMS gateway). */
  public TestEngine sibling(Map<String, String> overrides) throws Exception {
    Map<String, String> settings = new HashMap<>();
    settings.put("http.port", "0");
    settings.put("management.port", "0");
    settings.put("postgres.url", TestServers.pgUrl(database));
    settings.put("redis.url", engine.config().redisUrl().orElseThrow());
    settings.put("edition", EDITION.toString());
    settings.put("roster", DEMO_ROSTER.toString());
    settings.put("dataDir", Files.createTempDirectory("pingyi-test-data").toString());
    settings.putAll(overrides);
    EngineConfig config = ConfigLoader.fromValues(settings).withAdminTokens(null);
    return new TestEngine(Engine.start(config), database, false);
  }

  /** On a database of the given name (which the overrides' postgres.url may name); dropped on close from the machine's PostgreSQL. */
  public static TestEngine start(String database, Map<String, String> overrides) throws Exception {
    Map<String, String> settings = baseSettings(database, nextRedisDb());
    settings.putAll(overrides);
    EngineConfig config = ConfigLoader.fromValues(settings);
    try {
      return new TestEngine(Engine.start(config), database, true);
    } catch (Exception e) {
      TestServers.dropDatabase(database);
      throw e;
    }
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

  /** An engine access token for a representative, minted with the key the engine shares through PostgreSQL. */
  public String accessToken(String representativeId) throws Exception {
    if (accessTokens == null) {
      try (var c = TestServers.connect(database);
           var st = c.prepareStatement("SELECT value FROM engine_secrets WHERE name = 'access-token-key'")) {
        var rs = st.executeQuery();
        rs.next();
        accessTokens = new org.pingyi.auth.AccessTokens(java.util.Base64.getDecoder().decode(rs.getString(1)), java.time.Clock.systemUTC());
      }
    }
    return accessTokens.issue(representativeId, java.time.Instant.now().plusSeconds(3600));
  }

  private org.pingyi.auth.AccessTokens accessTokens;

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
      TestServers.dropDatabase(database);
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
