package org.pingyi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts the open file descriptors of a process and its children, from /proc (Linux). */
final class OpenFiles {
  private OpenFiles() {}

  static long of(ProcessHandle process) {
    return Stream.concat(Stream.of(process), process.descendants()).mapToLong(OpenFiles::count).sum();
  }

  private static long count(ProcessHandle process) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
      return fds.count();
    } catch (IOException gone) {
      return 0;
    }
  }
}
