package org.pingyi.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pingyi.draw.DrawOutcome;
import org.pingyi.draw.RosterDraw;
import org.pingyi.draw.SyntheticPool;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;

/**
 * Times the roster draw in one JVM (its start excluded): for each pool size, writes a synthetic pool, then runs the
 * whole draw (parse and hash the pool, draw, write roster.csv and draw.json) once cold and {@code --runs} times more,
 * and prints the first run's time, the minimum, median and maximum of the others, and the peak heap in use. Run with a fixed heap (e.g. -Xmx512m) to see
 * that it fits; see BENCHMARKS.md.
 *
 * <pre>java -Xmx512m -cp … org.pingyi.bench.DrawBench --sizes 10000,100000,1000000 --runs 5</pre>
 */
public final class DrawBench {
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
    int runs = 5;
    Path editionFile = Path.of("config/editions/qingdao-2024.yaml");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--edition" -> editionFile = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Edition edition = EditionLoader.load(editionFile);
    Path dir = Files.createTempDirectory("pingyi-draw-bench");
    System.out.printf("max heap %d MiB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    System.out.println("people     file MiB  first s  min s   median s  max s   peak heap MiB");
    for (int size : sizes) {
      Path pool = dir.resolve("pool-" + size + ".csv");
      try (OutputStream out = Files.newOutputStream(pool)) {
        SyntheticPool.write(edition, size, 2025, 1, out);
      }
      var request = new RosterDraw.Request(edition, 2025, "bench " + size, "benchmark");
      List<Double> seconds = new ArrayList<>();
      double first = 0;
      resetPeaks();
      for (int run = 0; run <= runs; run++) {
        long start = System.nanoTime();
        DrawOutcome outcome = RosterDraw.run(() -> Files.newInputStream(pool), request,
            Files.newOutputStream(dir.resolve("roster.csv")), Files.newOutputStream(dir.resolve("draw.json")));
        double s = (System.nanoTime() - start) / 1e9;
        if (!(outcome instanceof DrawOutcome.Drawn)) {
          throw new IllegalStateException("the benchmark pool did not draw: " + outcome);
        }
        if (run > 0) {
          seconds.add(s);
        } else {
          first = s;
        }
      }
      seconds.sort(Double::compare);
      System.out.printf("%-10d %-9.1f %-8.2f %-7.2f %-9.2f %-7.2f %d%n", size, Files.size(pool) / 1048576.0, first, seconds.get(0),
          seconds.get(seconds.size() / 2), seconds.get(seconds.size() - 1), peakHeap() >> 20);
      Files.delete(pool);
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
