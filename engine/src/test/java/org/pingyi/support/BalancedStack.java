package org.pingyi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.auth.AdminTokens;

/**
 * The evening's deployment in miniature: two engine processes on one PostgreSQL database and one Redis database,
 * trusting a test face-auth provider, behind Debian's nginx running the project's balancer config.
 */
public final class BalancedStack implements AutoCloseable {
  private final String database;
  private final TestProvider provider;
  private final String operator;
  private final List<EngineProcess> engines = new ArrayList<>();
  private Nginx nginx;

  private BalancedStack(String database, TestProvider provider, String operator) {
    this.database = database;
    this.provider = provider;
    this.operator = operator;
  }

  /** Starts both engines (the first runs the migrations and imports {@code roster}) and nginx in front of them. */
  public static BalancedStack start(Path roster) throws Exception {
    Path keys = Files.createTempDirectory("pingyi-stack");
    String operator = UUID.randomUUID().toString();
    BalancedStack stack = new BalancedStack(TestServers.newDatabaseName(),
        new TestProvider(keys.resolve("jwks.json")), operator);
    TestServers.createRoles(stack.database);
    try {
      Map<String, String> env = new HashMap<>();
      // An owner that migrates, a runtime role that serves, and one set of key files: two instances of one engine.
      env.put("PINGYI_PG_URL", TestServers.pgUrl(TestServers.runtimeRole(stack.database), stack.database));
      env.put("PINGYI_PG_MIGRATION_URL", TestServers.pgUrl(TestServers.ownerRole(stack.database), stack.database));
      env.putAll(EngineProcess.sharedKeys(keys));
      env.put("PINGYI_REDIS_URL", TestServers.redisUrl(TestEngine.nextRedisDb()));
      env.put("PINGYI_ROSTER", roster.toString());
      env.put("PINGYI_FACE_AUTH_ISSUER", TestProvider.ISSUER);
      env.put("PINGYI_FACE_AUTH_AUDIENCE", TestProvider.AUDIENCE);
      env.put("PINGYI_FACE_AUTH_JWKS", stack.provider.jwksFile().toString());
      env.put("PINGYI_ADMIN_TOKENS", "operator:" + AdminTokens.sha256Hex(operator));
      stack.engines.add(EngineProcess.start(env));
      stack.engines.add(EngineProcess.start(env));
      stack.nginx = Nginx.start(stack.engines.stream().map(EngineProcess::port).toList());
      return stack;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  public Nginx nginx() {
    return nginx;
  }

  public EngineProcess engine(int i) {
    return engines.get(i);
  }

  public List<Integer> enginePorts() {
    return engines.stream().map(EngineProcess::port).toList();
  }

  public TestProvider provider() {
    return provider;
  }

  public String[] operator() {
    return Api.bearer(operator);
  }

  public String database() {
    return database;
  }

  /** The first {@code n} active representatives of the imported roster, as phones. */
  public List<PhoneFleet.Phone> phones(int n) throws Exception {
    List<PhoneFleet.Phone> phones = new ArrayList<>();
    try (var c = TestServers.connect(database);
         var st = c.prepareStatement("SELECT id, subject FROM representatives WHERE status = 'active' ORDER BY id LIMIT ?")) {
      st.setInt(1, n);
      var rs = st.executeQuery();
      while (rs.next()) {
        phones.add(new PhoneFleet.Phone(phones.size(), rs.getString(1), rs.getString(2)));
      }
    }
    if (phones.size() < n) {
      throw new IllegalStateException("the roster has only " + phones.size() + " active representatives");
    }
    return phones;
  }

  public long count(String sql, Object... parameters) throws Exception {
    try (var c = TestServers.connect(database); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      var rs = st.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
    for (EngineProcess engine : engines) {
      engine.close();
    }
    try {
      TestServers.dropDatabase(database);
    } finally {
      TestServers.dropRoles(database);
    }
  }
}
