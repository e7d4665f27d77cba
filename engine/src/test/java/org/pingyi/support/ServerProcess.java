package org.pingyi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starting and stopping a server binary a test runs (nginx, prometheus): wait until it answers, stop it, tidy up. */
final class ServerProcess {
  private ServerProcess() {}

  /** Polls {@code ready} until it holds; a process that stops or never gets ready is an error with its log. */
  static void awaitReady(String name, Process process, BooleanSupplier ready, Duration limit, Path log) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped:\n" + read(log));
      }
      try {
        if (ready.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(name + " did not get ready within " + limit + ":\n" + read(log));
  }

  /** SIGTERM, then SIGKILL if it does not stop within 10 s; then its temp directory goes. */
  static void stop(Process process, Path dir) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    TestEngine.deleteTree(dir);
  }

  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
