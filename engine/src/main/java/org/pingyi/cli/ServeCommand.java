package org.pingyi.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pingyi.Engine;
import org.pingyi.StartBanner;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code serve}: runs the engine until the process is told to stop; configured by PINGYI_* variables only. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs the engine. Configuration comes from config/engine.yaml (or PINGYI_CONFIG) and the PINGYI_*",
        "environment variables; with none set it starts embedded PostgreSQL and Redis in demo mode."})
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Override
  public Integer call() throws Exception {
    EngineConfig config = ConfigLoader.load(System.getenv());
    long start = System.nanoTime();
    Engine engine = Engine.start(config);
    LOG.info("engine ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    StartBanner.print(engine, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      engine.close();
      LOG.info("stopped");
      Logs.flush();
      stopped.countDown();
    }, "pingyi-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }
}
