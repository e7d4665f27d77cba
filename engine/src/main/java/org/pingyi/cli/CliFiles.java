package org.pingyi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a command reads or writes: a missing input is a refusal that names the option, not a stack trace. */
final class CliFiles {
  private CliFiles() {}

  static void requireReadable(String option, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new PingyiCli.Refusal(option + ": cannot read " + file);
    }
  }

  /** A temporary file in the target's directory, so the finished file moves into place in one step. */
  static Path tempNextTo(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName(), ".part");
  }
}
