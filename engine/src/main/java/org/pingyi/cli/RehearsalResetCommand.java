package org.pingyi.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pingyi.config.ConfigLoader;
import org.pingyi.rehearsal.RehearsalReset;
import org.pingyi.rehearsal.RehearsalSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code rehearsal reset}: removes the rehearsal of this deployment (stopped first): database, Redis keys, files. */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Removes the dress rehearsal beside this deployment: its database (<db>_rehearsal), every key of its",
        "Redis namespace and its directory (<dataDir>/rehearsal). Stop the rehearsal engine first. Configuration as for",
        "'serve'; nothing of the real edition is touched."})
final class RehearsalResetCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RehearsalResetCommand.class);

  @Override
  public Integer call() throws Exception {
    Map<String, String> deployment = ConfigLoader.values(System.getenv());
    Map<String, String> values = new LinkedHashMap<>(deployment);
    values.put("dataDir", RehearsalSetup.directory(deployment).toString());
    RehearsalReset.Removed removed = RehearsalReset.run(ConfigLoader.forRehearsal(values));
    LOG.info("rehearsal removed: database {}, {} Redis key(s), directory {}", removed.database(), removed.redisKeys(),
        removed.directory());
    return ExitCodes.OK;
  }
}
