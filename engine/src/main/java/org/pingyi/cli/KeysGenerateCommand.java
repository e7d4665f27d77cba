package org.pingyi.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pingyi.keys.EngineKeys;
import org.pingyi.keys.KeyFiles;
import org.pingyi.keys.ResultKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys generate}: the access-token key, the result-signing key and the two pseudonym keys as files (0600), for a
 * production deployment to hand every instance. An existing file is never overwritten: losing the pseudonym key
 * makes exports no longer match their sealed chain roots, losing the signing key leaves old results unsigned.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes access-token.jwk, results.jwk (ES256), pseudonym.jwk and citizen-id.jwk into a directory (0600),",
        "keeping any that exist, and prints the PINGYI_* variables that name them."})
final class KeysGenerateCommand implements Callable<Integer> {
  @Option(names = "--dir", required = true, description = "directory for the key files (made 0700 when new)")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Path access = dir.resolve(EngineKeys.ACCESS_TOKEN_FILE).toAbsolutePath();
    Path results = dir.resolve(EngineKeys.RESULTS_FILE).toAbsolutePath();
    Path pseudonym = dir.resolve(EngineKeys.PSEUDONYM_FILE).toAbsolutePath();
    Path citizenId = dir.resolve(EngineKeys.CITIZEN_ID_FILE).toAbsolutePath();
    report(access, KeyFiles.create(access, EngineKeys.newSecret("access")));
    report(results, KeyFiles.create(results, ResultKeys.generate().toJSONString()));
    report(pseudonym, KeyFiles.create(pseudonym, EngineKeys.newSecret("pseudonym")));
    report(citizenId, KeyFiles.create(citizenId, EngineKeys.newSecret("citizen-id")));
    System.out.println("PINGYI_ACCESS_TOKEN_KEY=" + access);
    System.out.println("PINGYI_RESULTS_KEY=" + results);
    System.out.println("PINGYI_PSEUDONYM_KEY=" + pseudonym);
    System.out.println("PINGYI_CITIZEN_ID_KEY=" + citizenId);
    return ExitCodes.OK;
  }

  private static void report(Path file, boolean made) {
    System.err.println((made ? "made " : "kept the existing ") + file);
  }
}
