package org.pingyi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code roster <subcommand>}: roster files. Without a subcommand it only explains itself (and writes nothing). */
@Command(name = "roster", mixinStandardHelpOptions = true, description = "Roster files: generate a synthetic roster, draw the year's roster from a pool, verify a draw.",
    subcommands = {RosterGenerateCommand.class, RosterGeneratePoolCommand.class, RosterDrawCommand.class,
        RosterVerifyDrawCommand.class})
final class RosterCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, e.g. 'roster generate --help'");
  }
}
