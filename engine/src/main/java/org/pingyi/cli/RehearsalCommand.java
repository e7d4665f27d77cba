package org.pingyi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rehearsal <subcommand>}: what is done to a rehearsal from outside it. */
@Command(name = "rehearsal", mixinStandardHelpOptions = true, description = "A dress rehearsal: reset removes it.",
    subcommands = {RehearsalResetCommand.class})
final class RehearsalCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, e.g. 'rehearsal reset --help'");
  }
}
