package org.pingyi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees when the engine refuses to start, in a real process: the message naming the bad key
 * reaches the console before the process exits (log lines are written asynchronously).
 */
class StartupRefusalProcessTest {

  @Test
  void aBadValueStopsTheStartWithAMessageNamingTheKey() throws Exception {
    Result result = run(Map.of("PINGYI_HTTP_PORT", "eighty"));
    assertEquals(2, result.exit());
    assertTrue(result.stderr().contains("cannot start: http.port (PINGYI_HTTP_PORT)"), result.stderr());
  }

  @Test
  void aMalformedServerUrlStopsTheStartWithoutFallingBackToLocalhost() throws Exception {
    Result result = run(Map.of("PINGYI_PG_URL", "postgresql://u@h1:p1,h2:p2/db?target_session_attrs=read-write"));
    assertEquals(2, result.exit());
    assertTrue(result.stderr().contains("cannot start: postgres.url (PINGYI_PG_URL): 'h1:p1' is not a host[:port]"), result.stderr());
    assertNoStackTrace(result);
  }

  @Test
  void sslmodeRequireAgainstAServerWithoutTlsStopsTheStartSayingSo() throws Exception {
    String database = org.pingyi.support.TestServers.newDatabaseName();
    Result result = run(Map.of("PINGYI_PG_URL", "postgresql://postgres@" + org.pingyi.support.TestServers.PG_HOST + ":"
        + org.pingyi.support.TestServers.PG_PORT + "/" + database + "?sslmode=require",
        "PINGYI_EDITION", org.pingyi.support.TestEngine.EDITION.toString()));
    assertEquals(2, result.exit(), result.stderr());
    assertTrue(result.stderr().contains("cannot start: postgres.url (PINGYI_PG_URL): cannot connect to postgresql://postgres@"),
        result.stderr());
    assertTrue(result.stderr().contains("does not support SSL"), result.stderr());
    assertNoStackTrace(result);
    assertTrue(!org.pingyi.support.TestServers.databaseExists(database), "nothing was created in clear");
  }

  @Test
  void verifyWithAMissingEditionFileSaysWhichFile() throws Exception {
    Result result = run(Map.of(), "verify", "--ballots", "b.ndjson", "--results", "r.json", "--edition", "/nonexistent/edition.yaml");
    assertEquals(2, result.exit());
    assertTrue(result.stderr().contains("verify failed") && result.stderr().contains("/nonexistent/edition.yaml"), result.stderr());
  }

  @Test
  void anUnreachableRedisStopsTheStartNamingTheKey() throws Exception {
    String database = org.pingyi.support.TestServers.newDatabaseName();
    try {
      Result result = run(Map.of("PINGYI_PG_URL", org.pingyi.support.TestServers.pgUrl(database),
          "PINGYI_REDIS_URL", "redis://:secret@127.0.0.1:" + org.pingyi.store.FreePort.find(),
          "PINGYI_EDITION", org.pingyi.support.TestEngine.EDITION.toString()));
      assertEquals(2, result.exit(), result.stderr());
      assertTrue(result.stderr().contains("cannot start: redis.url (PINGYI_REDIS_URL): cannot connect to redis://127.0.0.1:"),
          result.stderr());
      assertTrue(!result.stderr().contains("secret"), result.stderr());
      assertNoStackTrace(result);
    } finally {
      org.pingyi.support.TestServers.dropDatabase(database);
    }
  }

  @Test
  void badCommandLineInputIsAUsageErrorOrARefusalNeverAStackTrace() throws Exception {
    Result seed = run(Map.of(), "roster", "generate", "--seed", "abc", "--out", "/tmp/never-written.csv");
    assertEquals(2, seed.exit());
    assertTrue(seed.stderr().contains("Invalid value for option '--seed'"), seed.stderr());
    assertNoStackTrace(seed);
    Result missing = run(Map.of(), "verify", "--ballots", "/nonexistent/b.ndjson", "--results", "/nonexistent/r.json",
        "--edition", org.pingyi.support.TestEngine.EDITION.toString());
    assertEquals(2, missing.exit(), missing.stderr());
    assertTrue(missing.stderr().contains("verify failed: cannot use /nonexistent/"), missing.stderr());
    assertNoStackTrace(missing);
  }

  private record Result(int exit, String stderr) {}

  private static void assertNoStackTrace(Result result) {
    for (String trace : new String[] {"\tat ", "\\tat ", "stack_trace", "Caused by"}) {
      assertTrue(!result.stderr().contains(trace), "no stack trace: " + result.stderr());
    }
  }

  private static Result run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.pingyi.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(k -> k.startsWith("PINGYI_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process exits");
    return new Result(process.exitValue(), stderr);
  }
}
