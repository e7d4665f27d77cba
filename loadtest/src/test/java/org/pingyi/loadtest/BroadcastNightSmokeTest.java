package org.pingyi.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.TestEngine;

/**
 * The CI smoke of the load tests: a short BroadcastNight (a few hundred representatives) through the real login
 * path against an engine that trusts the load test's own face-auth provider, Gatling in a JVM of its own, and the
 * run's verification (201s = ballots stored = live count, reconcile consistent).
 */
class BroadcastNightSmokeTest {

  @Test
  void aShortBroadcastNightLosesNothingAndCountsNothingTwice() throws Exception {
    Path keysDir = Files.createTempDirectory("pingyi-loadtest-keys");
    FaceKeys keys = FaceKeys.prepare(keysDir);
    String adminTokens = "operator:" + FaceKeys.sha256(keys.operator()) + ",auditor:" + FaceKeys.sha256(keys.auditor());
    try (TestEngine engine = TestEngine.start(Map.of(
        "faceAuth.issuer", FaceKeys.ISSUER,
        "faceAuth.audience", FaceKeys.AUDIENCE,
        "faceAuth.jwks", keysDir.resolve("jwks.json").toString(),
        "adminTokens", adminTokens))) {
      Path log = Path.of("target", "gatling-smoke.log").toAbsolutePath();
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx768m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "-Dpingyi.url=http://127.0.0.1:" + engine.engine().httpPort(),
          "-Dpingyi.keys=" + keysDir,
          "-Dpingyi.roster=" + TestEngine.DEMO_ROSTER,
          "-Dpingyi.representatives=300",
          "-Dpingyi.loginSeconds=10",
          "-Dpingyi.submitSeconds=3",
          "-Dpingyi.slowShare=0.02",
          "-cp", System.getProperty("java.class.path"),
          "io.gatling.app.Gatling", "-s", BroadcastNight.class.getName(), "-rf", Path.of("target", "gatling").toAbsolutePath().toString()));
      Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean finished = gatling.waitFor(150, TimeUnit.SECONDS);
      if (!finished) {
        gatling.destroyForcibly();
      }
      String output = Files.readString(log);
      assertTrue(finished, "Gatling did not finish:\n" + tail(output));
      assertTrue(output.contains("VERIFICATION PASSED"), tail(output));
      assertEquals(0, gatling.exitValue(), tail(output));
      assertEquals(300, engine.count("SELECT count(*) FROM ballots WHERE session_id = 'econ1-2024'"));
    }
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }
}
