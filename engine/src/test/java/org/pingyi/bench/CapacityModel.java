package org.pingyi.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.pingyi.auth.AdminTokens;
import org.pingyi.support.Api;
import org.pingyi.support.EngineProcess;
import org.pingyi.support.RedisProcess;
import org.pingyi.support.TestPostgresCluster;
import org.pingyi.support.TestServers;
import org.pingyi.support.TestProvider;

/**
 * A benchmark, not a test: the CPU each part spends per login, per ballot, per connected phone and per scrape, with
 * 1, 2 and 3 engine instances on this machine. PostgreSQL (fsync on) and Redis are servers of its own, so their CPU is
 * theirs alone; CPU is read from /proc, so the figures are CPU-seconds, not wall-clock, and the background work
 * every process does while idle (measured first, for as long as each phase lasted) is subtracted. Prints one block
 * per instance count; BENCHMARKS.md, "Past one machine", is built on them.
 */
public final class CapacityModel {
  private static final String OPERATOR = "capacity-operator";
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(arg(args, "--representatives", "10000"));
    int phones = Integer.parseInt(arg(args, "--phones", "1000"));
    int scrapes = Integer.parseInt(arg(args, "--scrapes", "200"));
    int window = Integer.parseInt(arg(args, "--window", "20"));
    List<Integer> instanceCounts = List.of(arg(args, "--instances", "1,2,3").split(",")).stream().map(Integer::parseInt).toList();
    Path dir = Files.createTempDirectory("pingyi-capacity");
    Path roster = dir.resolve("roster.csv");
    run(List.of("roster", "generate", "--size", String.valueOf(size), "--out", roster.toString()));
    String password = "cap-" + UUID.randomUUID();
    try (TestPostgresCluster pg = TestPostgresCluster.start(password,
            Map.of("fsync", "on", "max_connections", "120", "shared_buffers", "'256MB'"),
            List.of("host all all 127.0.0.1/32 scram-sha-256"));
         RedisProcess redis = RedisProcess.start(dir)) {
      for (int n : instanceCounts) {
        redis.cli("FLUSHALL");
        measure(n, size, phones, scrapes, window, pg, password, redis, roster);
        System.gc();
      }
    }
  }

  private static void measure(int instances, int size, int phoneCount, int scrapeCount, int window, TestPostgresCluster pg,
      String password, RedisProcess redis, Path roster) throws Exception {
    String database = "capacity_" + instances + "_" + System.currentTimeMillis();
    TestProvider provider = new TestProvider(Files.createTempFile("pingyi-capacity-jwks", ".json"));
    Map<String, String> env = new HashMap<>();
    try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres",
        TestPostgresCluster.SUPERUSER, password)) {
      TestServers.createRoles(postgres, database, password);
    }
    // As production runs: an owner role migrates, a runtime role serves, every instance reads the same key files.
    String server = "@127.0.0.1:" + pg.port() + "/" + database;
    env.put("PINGYI_PG_URL", "postgresql://" + TestServers.runtimeRole(database) + ":" + password + server);
    env.put("PINGYI_PG_MIGRATION_URL", "postgresql://" + TestServers.ownerRole(database) + ":" + password + server);
    env.putAll(EngineProcess.sharedKeys(Files.createTempDirectory("pingyi-capacity-keys")));
    env.put("PINGYI_REDIS_URL", "redis://127.0.0.1:" + redis.port());
    env.put("PINGYI_ROSTER", roster.toString());
    env.put("PINGYI_ADMIN_TOKENS", "operator:" + AdminTokens.sha256Hex(OPERATOR));
    env.put("PINGYI_FACE_AUTH_ISSUER", TestProvider.ISSUER);
    env.put("PINGYI_FACE_AUTH_AUDIENCE", TestProvider.AUDIENCE);
    env.put("PINGYI_FACE_AUTH_JWKS", provider.jwksFile().toString());
    env.put("PINGYI_LOGIN_ATTEMPTS_PER_MINUTE", "100");
    List<EngineProcess> engines = new ArrayList<>();
    engines.add(EngineProcess.start(env, List.of("-Xmx1g")));
    List<CompletableFuture<EngineProcess>> more = new ArrayList<>();
    for (int i = 1; i < instances; i++) {
      more.add(CompletableFuture.supplyAsync(() -> {
        try {
          return EngineProcess.start(env, List.of("-Xmx1g"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    more.forEach(f -> engines.add(f.join()));
    try {
      Map<String, long[]> pids = new LinkedHashMap<>();
      for (int i = 0; i < engines.size(); i++) {
        pids.put("engine" + (i + 1), new long[] {engines.get(i).pid(), 0});
      }
      pids.put("postgres", new long[] {pg.serverPid(), 1});
      pids.put("redis", new long[] {redisPid(redis), 0});
      List<Api> apis = engines.stream().map(EngineProcess::api).toList();
      for (String session : List.of("econ1-2024", "econ2-2024", "service-2024", "enforcement-2024")) {
        apis.get(0).post("/api/v1/admin/sessions/" + session + "/open", "", Api.bearer(OPERATOR));
      }
      List<String[]> reps;
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database, "postgres", password);
           var st = c.createStatement(); var rs = st.executeQuery("SELECT id, subject FROM representatives WHERE status = 'active' ORDER BY id")) {
        reps = new ArrayList<>();
        while (rs.next()) {
          reps.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      JsonArray groups = apis.get(0).get("/api/v1/edition").json().getJsonArray("groups");

      // Warm-up: every representative logs in twice and votes in three other sessions, there are scrapes, so the JIT
      // has compiled every measured path; then the compilers settle before the idle rates are taken.
      logins(reps, provider, apis);
      List<String> tokens = logins(reps, provider, apis);
      for (String[] warm : List.of(new String[] {"econ2-2024", "econ2"}, new String[] {"service-2024", "service"},
          new String[] {"enforcement-2024", "enforcement"})) {
        ballots(reps, tokens, engines, warm[0], departments(groups, warm[1]));
        awaitTurnout(apis.get(0), warm[0], reps.size());
      }
      for (int i = 0; i < scrapeCount; i++) {
        engines.get(0).management().get("/metrics");
      }
      Thread.sleep(10_000);
      Map<String, Double> idle = rates(pids, window);
      System.out.printf("%n== %d instance(s), %d representatives, %d phones, %d scrapes ==%n", instances, reps.size(), phoneCount, scrapeCount);
      System.out.printf("idle background, CPU-ms per second: %s%n", format(idle, 1000));

      AtomicReference<List<String>> measuredTokens = new AtomicReference<>();
      report("login", reps.size(), phase(pids, idle, () -> measuredTokens.set(logins(reps, provider, apis))));
      report("ballot", reps.size(), phase(pids, idle, () -> {
        ballots(reps, measuredTokens.get(), engines, "econ1-2024", departments(groups, "econ1"));
        awaitTurnout(apis.get(0), "econ1-2024", reps.size());
      }));
      List<Flow.Subscription> streams = connectPhones(engines, phoneCount);
      Thread.sleep(2_000);
      Map<String, Double> connected = rates(pids, window);
      Map<String, Double> perPhone = new LinkedHashMap<>();
      connected.forEach((k, v) -> perPhone.put(k, (v - idle.get(k)) / phoneCount));
      System.out.printf("%-7s per connected phone and second, CPU-µs: %s%n", "phone", format(perPhone, 1e6));
      streams.forEach(Flow.Subscription::cancel);
      Api management = engines.get(0).management();
      report("scrape", scrapeCount, phase(pids, idle, () -> {
        for (int i = 0; i < scrapeCount; i++) {
          management.get("/metrics");
        }
      }));
    } finally {
      for (EngineProcess e : engines) {
        e.close();
      }
    }
  }

  interface Work {
    void run() throws Exception;
  }

  /** CPU seconds each process spent on the work, less its idle rate for as long as the work took. */
  private static Map<String, Double> phase(Map<String, long[]> pids, Map<String, Double> idle, Work work) throws Exception {
    Map<String, Double> before = cpu(pids);
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> after = cpu(pids);
    Map<String, Double> spent = new LinkedHashMap<>();
    after.forEach((k, v) -> spent.put(k, v - before.get(k) - idle.get(k) * seconds));
    spent.put("wall-s", seconds);
    return spent;
  }

  private static void report(String what, int count, Map<String, Double> spent) {
    double wall = spent.remove("wall-s");
    Map<String, Double> per = new LinkedHashMap<>();
    double engines = 0;
    for (var e : spent.entrySet()) {
      per.put(e.getKey(), e.getValue() / count);
      if (e.getKey().startsWith("engine")) {
        engines += e.getValue();
      }
    }
    per.put("all engines", engines / count);
    System.out.printf("%-7s x%d in %.1f s, CPU-µs each: %s%n", what, count, wall, format(per, 1e6));
  }

  private static Map<String, Double> rates(Map<String, long[]> pids, int seconds) throws Exception {
    Map<String, Double> before = cpu(pids);
    Thread.sleep(seconds * 1000L);
    Map<String, Double> after = cpu(pids);
    Map<String, Double> rate = new LinkedHashMap<>();
    after.forEach((k, v) -> rate.put(k, (v - before.get(k)) / seconds));
    return rate;
  }

  private static Map<String, Double> cpu(Map<String, long[]> pids) throws Exception {
    Map<String, Double> cpu = new LinkedHashMap<>();
    for (var e : pids.entrySet()) {
      cpu.put(e.getKey(), ProcessCpu.seconds(e.getValue()[0], e.getValue()[1] == 1));
    }
    return cpu;
  }

  private static String format(Map<String, Double> values, double scale) {
    StringBuilder out = new StringBuilder();
    values.forEach((k, v) -> out.append(k).append(' ').append(String.format("%.1f", v * scale)).append("  "));
    return out.toString().trim();
  }

  /** Every representative logs in once, 64 at a time, the engines in turn; answers their access tokens. */
  private static List<String> logins(List<String[]> reps, TestProvider provider, List<Api> apis) throws Exception {
    List<String> idTokens = new ArrayList<>(reps.size());
    for (String[] rep : reps) {
      idTokens.add(provider.es256(rep[1]));
    }
    var threads = Executors.newFixedThreadPool(64);
    try {
      List<java.util.concurrent.Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < reps.size(); i++) {
        Api api = apis.get(i % apis.size());
        String idToken = idTokens.get(i);
        tokens.add(threads.submit(() -> {
          Api.Reply reply = api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken));
          if (reply.status() != 200) {
            throw new IllegalStateException("login failed: " + reply.status() + " " + reply.body());
          }
          return reply.json().getString("accessToken");
        }));
      }
      List<String> out = new ArrayList<>();
      for (var t : tokens) {
        out.add(t.get(5, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      threads.shutdown();
    }
  }

  /**
   * Every representative's ballot, 256 in flight on kept-alive connections (as nginx's upstream keepalive carries
   * them to the engines), the engines in turn; all must be 201.
   */
  private static void ballots(List<String[]> reps, List<String> tokens, List<EngineProcess> engines, String session,
      List<String> departments) throws Exception {
    JsonObject scores = new JsonObject();
    departments.forEach(d -> scores.put(d, "satisfied"));
    String body = new JsonObject().put("scores", scores).encode();
    Semaphore inFlight = new Semaphore(256);
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>(reps.size());
    for (int i = 0; i < reps.size(); i++) {
      inFlight.acquire();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engines.get(i % engines.size()).port()
              + "/api/v1/sessions/" + session + "/ballots"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get(i))
          .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
      answers.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> inFlight.release()));
    }
    for (var answer : answers) {
      HttpResponse<String> r = answer.get(5, TimeUnit.MINUTES);
      if (r.statusCode() != 201) {
        throw new IllegalStateException("ballot answered " + r.statusCode() + ": " + r.body());
      }
    }
  }

  private static void awaitTurnout(Api api, String session, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (api.get("/api/v1/sessions/" + session + "/turnout", Api.bearer(OPERATOR)).json().getLong("voted", 0L) < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the live turnout did not reach " + expected);
      }
      Thread.sleep(50);
    }
  }

  /** Phones holding the session stream open, spread over the engines; answers once each has its first event. */
  private static List<Flow.Subscription> connectPhones(List<EngineProcess> engines, int count) throws Exception {
    HttpClient client = CLIENT;
    CountDownLatch connected = new CountDownLatch(count);
    List<Flow.Subscription> streams = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < count; i++) {
      int port = engines.get(i % engines.size()).port();
      client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions/stream")).build(),
          HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            private boolean first = true;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              streams.add(subscription);
              subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
              if (first && line.startsWith("data:")) {
                first = false;
                connected.countDown();
              }
            }

            @Override
            public void onError(Throwable e) {
              // the phone hung up
            }

            @Override
            public void onComplete() {
              // the stream ended
            }
          }));
    }
    if (!connected.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + (count - connected.getCount()) + " phones connected");
    }
    return streams;
  }

  private static List<String> departments(JsonArray groups, String group) {
    for (int i = 0; i < groups.size(); i++) {
      JsonObject g = groups.getJsonObject(i);
      if (g.getString("code").equals(group)) {
        List<String> codes = new ArrayList<>();
        g.getJsonArray("departments").forEach(d -> codes.add(((JsonObject) d).getString("code")));
        return codes;
      }
    }
    throw new IllegalArgumentException("no group " + group);
  }

  private static long redisPid(RedisProcess redis) throws Exception {
    return Long.parseLong(redis.cli("INFO", "server").lines().filter(l -> l.startsWith("process_id:"))
        .findFirst().orElseThrow().substring("process_id:".length()).trim());
  }

  private static void run(List<String> cli) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.pingyi.Main"));
    command.addAll(cli);
    Process p = new ProcessBuilder(command).directory(Path.of("..").toAbsolutePath().normalize().toFile())
        .inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cli) + " failed");
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
