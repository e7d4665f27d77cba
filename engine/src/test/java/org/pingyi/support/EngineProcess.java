package org.pingyi.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pingyi.store.FreePort;

/** The engine in a JVM of its own (as a second instance behind a load balancer would run), started by env vars. */
public final class EngineProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final int managementPort;
  private final Path log;

  private EngineProcess(Process process, int port, int managementPort, Path log) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
  }

  /** C1 only: a test instance starts in half the CPU time, and tests never measure its speed. */
  static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  public static EngineProcess start(Map<String, String> env) throws Exception {
    return start(env, TEST_JVM);
  }

  /**
   * The key files of one engine in {@code dir}, for every process that is an instance of it (the first to start
   * makes them; instances starting together agree on one set): without them each process would make keys of its own
   * and refuse the others' access tokens.
   */
  public static Map<String, String> sharedKeys(Path dir) {
    return Map.of("PINGYI_ACCESS_TOKEN_KEY", dir.resolve("access-token.jwk").toString(),
        "PINGYI_RESULTS_KEY", dir.resolve("results.jwk").toString(),
        "PINGYI_PSEUDONYM_KEY", dir.resolve("pseudonym.jwk").toString(),
        "PINGYI_CITIZEN_ID_KEY", dir.resolve("citizen-id.jwk").toString());
  }

  /** With JVM options of the caller's (a benchmark wants the production JIT). */
  public static EngineProcess start(Map<String, String> env, List<String> jvmOptions) throws Exception {
    int port = FreePort.find();
    int managementPort = FreePort.find();
    Path dir = Files.createTempDirectory("pingyi-process");
    Path log = dir.resolve("engine.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.pingyi.Main"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(TestEngine.PROJECT.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("PINGYI_WARM_UP_BALLOTS", "0");  // tests never measure speed
    builder.environment().putAll(env);
    builder.environment().put("PINGYI_HTTP_PORT", String.valueOf(port));
    builder.environment().put("PINGYI_MANAGEMENT_PORT", String.valueOf(managementPort));
    builder.environment().put("PINGYI_DATA_DIR", dir.resolve("data").toString());
    EngineProcess engine = new EngineProcess(builder.start(), port, managementPort, log);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!engine.process.isAlive()) {
        throw new IllegalStateException("engine process died:\n" + Files.readString(log));
      }
      if (ready(port)) {
        return engine;
      }
      Thread.sleep(200);
    }
    engine.close();
    throw new IllegalStateException("engine process did not become ready:\n" + Files.readString(log));
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public Api api() {
    return new Api(port);
  }

  /**
   * One readiness probe as a balancer makes it: a new connection and a short timeout. A connection accepted in the
   * instant the server starts can go unanswered (Vert.x's HTTP server metrics throw on it, seen once in CI); a probe
   * that waited 60 s on it, as the tests' shared client would, used up the whole start-up allowance.
   */
  private static boolean ready(int port) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    try {
      return client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;  // not listening yet, or no answer in time: ask again on a new connection
    }
  }

  /** The management port: /metrics and /health/*. */
  public Api management() {
    return new Api(managementPort);
  }

  /** What the engine printed so far (for a failing test's message). */
  public String log() throws java.io.IOException {
    return Files.readString(log);
  }

  /** The sum of a metric's samples in this engine's scrape: {@code name} alone, or with its labels as written. */
  public double metric(String name) {
    String scrape = management().get("/metrics").body();
    return scrape.lines()
        .filter(l -> l.startsWith(name + " ") || (!name.contains("{") && l.startsWith(name + "{")))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** File descriptors the engine's JVM holds right now. */
  public long openFiles() {
    return OpenFiles.of(process.toHandle());
  }

  /** SIGKILL: no shutdown hook, no draining, as when a machine dies. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

}
