package org.pingyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.results.SealedExportFiles;
import org.pingyi.support.TestEngine;

/** {@code verify} as an auditor runs it, in a process of its own: the verdict on standard output, the exit code. */
class VerifyCommandProcessTest {
  @TempDir Path dir;

  private record Result(int exit, String stdout, String stderr) {}

  private static Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.pingyi.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Result(process.exitValue(), stdout, stderr);
  }

  @Test
  void aSignedExportIsVerifiedWithThePublishedKeysAndAMissingEditionIsNotVerifiedWithoutAStackTrace() throws Exception {
    SealedExportFiles files = SealedExportFiles.make(dir, 20, 5);
    Result ok = run("verify", "--ballots", files.ballots().toString(), "--results", files.results().toString(),
        "--edition", TestEngine.EDITION.toString(), "--keys", files.keys().toString());
    assertEquals(0, ok.exit(), ok.stdout() + ok.stderr());
    assertTrue(ok.stdout().startsWith("verified: 20 ballots of econ1-2024") && ok.stdout().contains("signed by key"), ok.stdout());

    Result missing = run("verify", "--ballots", files.ballots().toString(), "--results", files.results().toString(),
        "--edition", "/nonexistent/edition.yaml");
    assertEquals(1, missing.exit());
    assertEquals("NOT VERIFIED: the edition file (/nonexistent/edition.yaml) does not exist or is not a file\n", missing.stdout());
    assertFalse(missing.stderr().contains("Exception") || missing.stderr().contains("\tat "), missing.stderr());

    Files.write(files.results(), new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
    Result garbage = run("verify", "--ballots", files.ballots().toString(), "--results", files.results().toString(),
        "--edition", TestEngine.EDITION.toString(), "--keys", files.keys().toString());
    assertEquals(1, garbage.exit());
    assertEquals("NOT VERIFIED: results.json is not UTF-8 text\n", garbage.stdout());
  }
}
