package org.pingyi;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.pingyi.config.ConfigException;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;
import org.pingyi.edition.EditionException;
import org.pingyi.edition.EditionLoader;
import org.pingyi.results.ResultsVerifier;
import org.pingyi.roster.RosterFiles;
import org.pingyi.roster.RosterGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar pingyi-engine.jar} runs the engine; {@code … roster --size N [--seed S] [--out FILE]} draws a
 * synthetic roster; {@code … verify --ballots F --results F [--edition F]} checks an exported session offline
 * (its verdict goes to standard output: it is the command's answer, not a log line).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int status;
    try {
      status = switch (command) {
        case "serve" -> serve();
        case "roster" -> roster(new Options(rest));
        case "verify" -> verify(new Options(rest));
        default -> {
          LOG.error("unknown command '{}': use serve, roster or verify", command);
          yield 2;
        }
      };
    } catch (ConfigException | EditionException e) {
      LOG.error("{}: {}", "serve".equals(command) ? "cannot start" : command + " failed", e.getMessage());
      status = 2;
    }
    if (status != 0) {
      flushLogs();
      System.exit(status);
    }
  }

  /** Log lines wait in an asynchronous queue; a process that exits must write them out first. */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
      logs.stop();
    }
  }

  private static int serve() throws Exception {
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
      flushLogs();
      stopped.countDown();
    }, "pingyi-shutdown"));
    stopped.await();
    return 0;
  }

  private static int roster(Options options) throws Exception {
    int size = Integer.parseInt(options.get("--size", "3000"));
    long seed = Long.parseLong(options.get("--seed", "2024"));
    Path edition = Path.of(options.get("--edition", "config/editions/qingdao-2024.yaml"));
    Path out = Path.of(options.get("--out", "roster-" + size + ".csv"));
    var roster = RosterGenerator.generate(EditionLoader.load(edition), size, seed);
    RosterFiles.write(roster, out);
    LOG.info("wrote {} representatives ({} active) to {}", roster.size(), size, out);
    return 0;
  }

  /** Checks an exported session from files alone; prints the verdict and exits 0 only when verified. */
  private static int verify(Options options) throws Exception {
    Path ballots = Path.of(options.get("--ballots", "ballots.ndjson"));
    Path results = Path.of(options.get("--results", "results.json"));
    Path edition = Path.of(options.get("--edition", "config/editions/qingdao-2024.yaml"));
    var verdict = ResultsVerifier.verify(ballots, EditionLoader.load(edition), results);
    System.out.println(verdict.verified() ? verdict.message() : "NOT VERIFIED: " + verdict.message());
    return verdict.verified() ? 0 : 1;
  }

  private record Options(String[] args) {
    String get(String name, String fallback) {
      for (int i = 0; i < args.length - 1; i++) {
        if (args[i].equals(name)) {
          return args[i + 1];
        }
      }
      return fallback;
    }
  }
}
