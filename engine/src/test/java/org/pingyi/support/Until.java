package org.pingyi.support;

import java.time.Duration;

/** Waits (at most 30 s, polling) for a condition on real servers that may throw while they are not there yet. */
public final class Until {
  /** A check that may talk to a server. */
  public interface Condition {
    boolean holds() throws Exception;
  }

  private Until() {}

  public static void holds(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited 30 s for " + what);
      }
      Thread.sleep(100);
    }
  }
}
