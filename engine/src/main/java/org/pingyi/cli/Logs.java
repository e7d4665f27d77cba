package org.pingyi.cli;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Log lines wait in an asynchronous queue; a process that exits must write them out first. */
public final class Logs {
  private Logs() {}

  public static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
      logs.stop();
    }
  }
}
