package org.pingyi.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.pingyi.config.ConfigException;
import org.pingyi.edition.EditionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar pingyi-engine.jar [command]}: the engine's command line (picocli). Without a command it serves.
 * Every command has {@code --help}; an unknown option or a bad value is a usage error (exit 2); a refusal says why in
 * one line, never with a stack trace. See {@link ExitCodes}.
 */
@Command(name = "pingyi-engine.jar", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "The Pingyi evaluation engine. Without a command it serves (same as 'serve').",
    subcommands = {ServeCommand.class, RosterCommand.class, VerifyCommand.class, KeysCommand.class, RehearseCommand.class,
        RehearsalCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:a check answered no (NOT VERIFIED, a draw that differs)",
        "2:usage error, or a configuration, edition or input the command refuses", "70:an unexpected failure inside"})
public final class PingyiCli implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PingyiCli.class);

  /** Runs the command the arguments name; answers its exit status. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new PingyiCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, commandLine, parsed) -> refusal(commandLine, e));
    String[] effective = args.length == 0 ? new String[] {"serve"} : args;
    return cli.execute(effective);
  }

  private static int refusal(CommandLine commandLine, Exception e) {
    String command = commandLine.getCommandName();
    if (e instanceof ConfigException || e instanceof EditionException || e instanceof Refusal) {
      LOG.error("{}: {}", "serve".equals(command) ? "cannot start" : command + " failed", e.getMessage());
      return ExitCodes.REFUSED;
    }
    if (e instanceof FileSystemException file) {
      // A file named on the command line that is missing or out of reach: the input is refused, nothing broke inside.
      String why = file instanceof NoSuchFileException ? "no such file"
          : file instanceof AccessDeniedException ? "permission denied"
          : file.getReason() == null ? file.getClass().getSimpleName() : file.getReason();
      LOG.error("{} failed: cannot use {} ({})", command, file.getFile(), why);
      return ExitCodes.REFUSED;
    }
    LOG.error("{} failed unexpectedly: {} ({})", command, e.getMessage(), e.getClass().getSimpleName());
    return ExitCodes.INTERNAL;
  }

  @Override
  public void run() {
    // Reached only when options but no command were given (e.g. --help is handled by picocli itself).
    throw new CommandLine.ParameterException(new CommandLine(this), "name a command: serve, roster, verify, keys, rehearse, rehearsal");
  }

  /** A command refusing its input with a message for the person who ran it (exit 2). */
  public static final class Refusal extends RuntimeException {
    public Refusal(String message) {
      super(message, null, false, false);
    }
  }
}
