package org.pingyi.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, for effects that follow a commit asynchronously. Answers the first value that
 * satisfies it; when the limit passes first it fails with an {@link AssertionError} that shows the last value seen,
 * so no caller can mistake a timeout for success.
 */
public final class Eventually {
  private Eventually() {}

  public static <T> T await(Supplier<T> probe, Predicate<T> done, Duration limit) throws InterruptedException {
    return await("condition", probe, done, limit);
  }

  /** As {@link #await(Supplier, Predicate, Duration)}, naming what was awaited in the failure. */
  public static <T> T await(String what, Supplier<T> probe, Predicate<T> done, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      if (System.nanoTime() >= deadline) {
        throw new AssertionError(what + " did not hold within " + limit.toSeconds() + " s; last value seen: " + shown(value));
      }
      Thread.sleep(100);
      value = probe.get();
    }
    return value;
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 4000 ? text : text.substring(0, 4000) + "… (" + text.length() + " characters)";
  }
}
