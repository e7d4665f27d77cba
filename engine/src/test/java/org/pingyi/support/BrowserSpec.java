package org.pingyi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Playwright spec of engine/src/test/browser in Node against a running engine (Debian's Chromium, see
 * .ci/test-tools.sh) and insists it passed: finished in time, exit 0, and its closing line printed. The spec's output
 * lands in target/{@code <log>}; screenshots in target/screenshots ({@link #SHOTS}, passed as SHOTS).
 */
public final class BrowserSpec {
  public static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();

  private BrowserSpec() {}

  /** @return the spec's output, for further assertions */
  public static String run(String spec, String log, Map<String, String> env, String passedLine, int timeoutSeconds)
      throws Exception {
    Path logFile = Path.of("target", log).toAbsolutePath();
    ProcessBuilder node = new ProcessBuilder("node", spec)
        .directory(TestEngine.PROJECT.resolve("engine/src/test/browser").toFile())
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile());
    node.environment().put("SHOTS", SHOTS.toString());
    node.environment().putAll(env);
    Process process = node.start();
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(logFile);
    assertTrue(finished, "browser run timed out:\n" + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains(passedLine), output);
    return output;
  }
}
