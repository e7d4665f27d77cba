package org.pingyi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.pingyi.auth.AdminTokens;

/**
 * Two engine instances in processes of their own on the same PostgreSQL and Redis, as two instances behind the
 * balancer run: one set of key files, an owner role that migrates and a runtime role that serves (the caller's URLs),
 * a face-auth provider of the test's (not demo mode) and known operator and auditor tokens.
 */
public final class TwoEngines implements AutoCloseable {
  public static final String OPERATOR = "ha-operator-token";
  public static final String AUDITOR = "ha-auditor-token";

  private final Path dir;
  private final TestProvider provider;
  private final List<EngineProcess> engines = new ArrayList<>();
  private String machineDatabase;

  private TwoEngines(Path dir) throws Exception {
    this.dir = dir;
    this.provider = new TestProvider(dir.resolve("jwks.json"));
  }

  /**
   * On a database of their own on the machine's PostgreSQL, migrated by its owner role and served by its runtime role
   * ({@link TestServers#createRoles}), all dropped on close; the scenario's other settings as name, value pairs.
   */
  public static TwoEngines onMachinePostgres(String... settings) throws Exception {
    String database = TestServers.newDatabaseName();
    TestServers.createRoles(database);
    Map<String, String> env = new HashMap<>();
    env.put("PINGYI_PG_URL", TestServers.pgUrl(TestServers.runtimeRole(database), database));
    env.put("PINGYI_PG_MIGRATION_URL", TestServers.pgUrl(TestServers.ownerRole(database), database));
    for (int i = 0; i + 1 < settings.length; i += 2) {
      env.put(settings[i], settings[i + 1]);
    }
    try {
      TwoEngines two = start(env);
      two.machineDatabase = database;
      return two;
    } catch (Exception | Error e) {
      drop(database);
      throw e;
    }
  }

  /** The machine's PostgreSQL database of {@link #onMachinePostgres}. */
  public String database() {
    return machineDatabase;
  }

  private static void drop(String database) {
    try {
      TestServers.dropDatabase(database);
    } finally {
      TestServers.dropRoles(database);
    }
  }

  /**
   * @param env PINGYI_PG_URL and PINGYI_PG_MIGRATION_URL (the runtime and the owner role), PINGYI_REDIS_URL and
   *     whatever else the scenario sets
   */
  public static TwoEngines start(Map<String, String> env) throws Exception {
    TwoEngines two = new TwoEngines(Files.createTempDirectory("pingyi-ha"));
    Map<String, String> all = new HashMap<>(env);
    all.putAll(EngineProcess.sharedKeys(two.dir.resolve("keys")));
    all.put("PINGYI_ADMIN_TOKENS", "operator:" + AdminTokens.sha256Hex(OPERATOR) + ",auditor:" + AdminTokens.sha256Hex(AUDITOR));
    all.put("PINGYI_FACE_AUTH_ISSUER", TestProvider.ISSUER);
    all.put("PINGYI_FACE_AUTH_AUDIENCE", TestProvider.AUDIENCE);
    all.put("PINGYI_FACE_AUTH_JWKS", two.provider.jwksFile().toString());
    all.putIfAbsent("PINGYI_PG_POOL_SIZE", "4");
    // Both at once, as a deployment's instances start: they race for the schema and the roster harmlessly.
    var first = CompletableFuture.supplyAsync(() -> startOne(all));
    var second = CompletableFuture.supplyAsync(() -> startOne(all));
    try {
      two.engines.add(first.join());
      two.engines.add(second.join());
      return two;
    } catch (RuntimeException e) {
      two.engines.clear();
      for (var engine : List.of(first, second)) {
        engine.thenAccept(two.engines::add).exceptionally(ignored -> null).join();
      }
      two.close();
      throw e;
    }
  }

  private static EngineProcess startOne(Map<String, String> env) {
    try {
      return EngineProcess.start(env);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public TestProvider provider() {
    return provider;
  }

  public EngineProcess engine(int i) {
    return engines.get(i);
  }

  public List<Api> apis() {
    return engines.stream().map(EngineProcess::api).toList();
  }

  public static String[] operator() {
    return Api.bearer(OPERATOR);
  }

  public static String[] auditor() {
    return Api.bearer(AUDITOR);
  }

  /** Active representatives as {id, subject}, in id order. */
  public static List<String[]> representatives(Connection c, int limit) throws Exception {
    try (var st = c.prepareStatement("SELECT id, subject FROM representatives WHERE status = 'active' ORDER BY id LIMIT ?")) {
      st.setInt(1, limit);
      var rs = st.executeQuery();
      List<String[]> reps = new ArrayList<>();
      while (rs.next()) {
        reps.add(new String[] {rs.getString(1), rs.getString(2)});
      }
      return reps;
    }
  }

  @Override
  public void close() throws Exception {
    for (EngineProcess engine : engines) {
      engine.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    if (machineDatabase != null) {
      drop(machineDatabase);
    }
  }
}
