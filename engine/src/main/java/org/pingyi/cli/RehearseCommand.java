package org.pingyi.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pingyi.Engine;
import org.pingyi.StartBanner;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;
import org.pingyi.rehearsal.RehearsalReset;
import org.pingyi.rehearsal.RehearsalSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rehearse}: a dress rehearsal of the evening on the deployment's own servers, beside the real edition (see
 * {@link RehearsalSetup}). Serves until stopped, or until the office resets it from the console, which removes it.
 */
@Command(name = "rehearse", mixinStandardHelpOptions = true,
    description = {"Runs a dress rehearsal (演练) beside the deployment: the same servers and admin tokens, its own",
        "database (<db>_rehearsal), Redis namespace, keys, synthetic roster and phones. Configuration as for 'serve'.",
        "The office drives it from the console (#/rehearsal); 'rehearsal reset' removes it."})
final class RehearseCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RehearseCommand.class);

  @Option(names = "--port", defaultValue = "8090", description = "public port of the rehearsal engine (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--management-port", defaultValue = "8091", description = "its management port (default ${DEFAULT-VALUE})")
  int managementPort;

  @Option(names = "--representatives", defaultValue = "3000",
      description = "active representatives of the synthetic roster, made at the first start (default ${DEFAULT-VALUE})")
  int representatives;

  @Option(names = "--seed", defaultValue = "2025", description = "seed of the synthetic roster (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (representatives < 1 || representatives > 1_000_000) {
      throw new PingyiCli.Refusal("--representatives must be from 1 to 1,000,000");
    }
    Map<String, String> values = RehearsalSetup.prepare(ConfigLoader.values(System.getenv()),
        new RehearsalSetup.Options(port, managementPort, representatives, seed));
    EngineConfig config = ConfigLoader.forRehearsal(values);
    Engine engine = Engine.start(config);
    StartBanner.print(engine, System.out);
    AtomicBoolean closed = new AtomicBoolean();
    CompletableFuture<Boolean> ended = new CompletableFuture<>();
    Thread hook = new Thread(() -> {
      if (closed.compareAndSet(false, true)) {
        engine.close();
      }
      Logs.flush();
      ended.complete(false);
    }, "pingyi-rehearsal-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    engine.rehearsal().orElseThrow().resetRequested().onComplete(v -> ended.complete(true));
    if (!ended.get()) {
      return ExitCodes.OK;
    }
    LOG.info("the office reset the rehearsal: stopping and removing it");
    Runtime.getRuntime().removeShutdownHook(hook);
    if (closed.compareAndSet(false, true)) {
      engine.close();
    }
    RehearsalReset.Removed removed = RehearsalReset.run(config);
    LOG.info("rehearsal removed: database {}, {} Redis key(s), directory {}", removed.database(), removed.redisKeys(),
        removed.directory());
    return ExitCodes.OK;
  }
}
