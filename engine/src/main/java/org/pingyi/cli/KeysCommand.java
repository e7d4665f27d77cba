package org.pingyi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keys <subcommand>}: the engine's key files. Without a subcommand it only explains itself. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Key files: make the engine's keys for production.",
    subcommands = {KeysGenerateCommand.class})
final class KeysCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, e.g. 'keys generate --help'");
  }
}
