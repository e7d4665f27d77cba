package org.pingyi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pingyi.edition.EditionLoader;
import org.pingyi.roster.RosterFiles;
import org.pingyi.roster.RosterGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code roster generate}: a synthetic roster true to the edition's quota table (plainly fake names and phones). */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes a synthetic roster true to the edition's quota table, plus its share of alternates.")
final class RosterGenerateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RosterGenerateCommand.class);

  @Option(names = "--size", defaultValue = "3000", description = "active representatives (default ${DEFAULT-VALUE})")
  int size;

  @Option(names = "--seed", defaultValue = "2024", description = "seed of the generator (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--edition", defaultValue = "config/editions/qingdao-2024.yaml", description = "edition file (default ${DEFAULT-VALUE})")
  Path edition;

  @Option(names = "--out", required = true, description = "the roster CSV to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (size < 1) {
      throw new PingyiCli.Refusal("--size must be at least 1");
    }
    var roster = RosterGenerator.generate(EditionLoader.load(edition), size, seed);
    RosterFiles.write(roster, out);
    LOG.info("wrote {} representatives ({} active) to {}", roster.size(), size, out);
    return ExitCodes.OK;
  }
}
