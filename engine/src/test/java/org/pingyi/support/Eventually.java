package org.pingyi.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds (bounded), for effects that follow a commit asynchronously. */
public final class Eventually {
  private Eventually() {}

  public static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      value = probe.get();
    }
    return value;
  }
}
