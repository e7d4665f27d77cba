package org.pingyi.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pingyi.draw.SyntheticPool;
import org.pingyi.edition.EditionLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code roster generate-pool}: a plainly fake pool file to try a draw with (and to measure one). */
@Command(name = "generate-pool", mixinStandardHelpOptions = true,
    description = "Writes a synthetic pool file (fake names and phones) to try 'roster draw' with.")
final class RosterGeneratePoolCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RosterGeneratePoolCommand.class);

  @Option(names = "--size", defaultValue = "12000", description = "people in the pool (default ${DEFAULT-VALUE})")
  int size;

  @Option(names = "--year", required = true, description = "the year the draw will be for (servedYears lie before it)")
  int year;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the fake data (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--edition", defaultValue = "config/editions/qingdao-2024.yaml", description = "edition file (default ${DEFAULT-VALUE})")
  Path edition;

  @Option(names = "--out", required = true, description = "the pool CSV to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (size < 1) {
      throw new PingyiCli.Refusal("--size must be at least 1");
    }
    var loaded = EditionLoader.load(edition);
    try (OutputStream file = Files.newOutputStream(out)) {
      SyntheticPool.write(loaded, size, year, seed, file);
    }
    LOG.info("wrote a synthetic pool of {} people to {}", size, out);
    return ExitCodes.OK;
  }
}
