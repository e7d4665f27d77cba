package org.pingyi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pingyi.draw.DrawVerifier;
import org.pingyi.edition.EditionLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code roster verify-draw}: re-runs a draw from the pool and the transcript; "verified" or the first difference. */
@Command(name = "verify-draw", mixinStandardHelpOptions = true,
    description = "Re-runs a roster draw from the pool, the edition and the transcript, and compares the transcripts.")
final class RosterVerifyDrawCommand implements Callable<Integer> {
  @Option(names = "--pool", required = true, description = "the pool CSV the draw was made from")
  Path pool;

  @Option(names = "--edition", defaultValue = "config/editions/qingdao-2024.yaml", description = "edition file (default ${DEFAULT-VALUE})")
  Path edition;

  @Option(names = "--transcript", required = true, description = "the published transcript (draw.json)")
  Path transcript;

  @Override
  public Integer call() throws Exception {
    CliFiles.requireReadable("--pool", pool);
    CliFiles.requireReadable("--transcript", transcript);
    var verdict = DrawVerifier.verify(() -> Files.newInputStream(pool), EditionLoader.load(edition), Files.readAllBytes(transcript));
    System.out.println(verdict.verified() ? verdict.message() : "NOT VERIFIED: " + verdict.message());
    return verdict.verified() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }
}
