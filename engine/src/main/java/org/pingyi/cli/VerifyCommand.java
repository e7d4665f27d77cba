package org.pingyi.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pingyi.results.ResultsVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verify}: checks an exported session from files alone. Its verdict goes to standard output: it is the
 * command's answer, not a log line. Whatever the files hold (missing, truncated, not UTF-8, not JSON), the answer is
 * {@code verified: …} (exit 0) or {@code NOT VERIFIED: …} (exit 1).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Recomputes every figure and the hash chain of a sealed session from its export, checks the edition",
        "hash and, with --keys, the signature; no database needed."})
final class VerifyCommand implements Callable<Integer> {
  @Option(names = "--ballots", defaultValue = "ballots.ndjson", description = "the session's ballots.ndjson (default ${DEFAULT-VALUE})")
  Path ballots;

  @Option(names = "--results", defaultValue = "results.json", description = "the session's results.json (default ${DEFAULT-VALUE})")
  Path results;

  @Option(names = "--edition", defaultValue = "config/editions/qingdao-2024.yaml", description = "edition file (default ${DEFAULT-VALUE})")
  Path edition;

  @Option(names = "--keys", description = "the published result-signing keys (GET /api/v1/keys); without it the signature is not checked")
  Path keys;

  @Override
  public Integer call() {
    var verdict = ResultsVerifier.verify(ballots, edition, results, Optional.ofNullable(keys));
    System.out.println(verdict.verified() ? verdict.message() : "NOT VERIFIED: " + verdict.message());
    return verdict.verified() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }
}
