package org.pingyi.draw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.TestEngine;

/** Pools made to order for the draw's tests (plainly fake people), and the draws run on them in memory. */
final class TestPools {
  static final Path TINY = TestEngine.PROJECT.resolve("engine/src/test/resources/draw/tiny-edition.yaml");
  private static final String[] SOURCES = {"random", "recommended", "volunteer"};

  private final StringBuilder csv = new StringBuilder(String.join(",", PoolCsv.HEADER) + "\n");
  private int next = 1;

  static Edition qingdao() {
    return EditionLoader.load(TestEngine.EDITION);
  }

  static Edition tiny() {
    return EditionLoader.load(TINY);
  }

  /** {@code count} people of one cell with the same record of service ("" for none, e.g. "2023;2024"). */
  TestPools add(String category, String district, int count, String servedYears) {
    for (int i = 0; i < count; i++, next++) {
      csv.append(String.format("T%06d,测试人%06d,100%08d,%s,%s,%s,face-test-%06d,%s%n", next, next, next, district,
          category, SOURCES[next % 3], next, servedYears));
    }
    return this;
  }

  byte[] bytes() {
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] synthetic(Edition edition, int size, int year, long seed) {
    try {
      var out = new ByteArrayOutputStream();
      SyntheticPool.write(edition, size, year, seed, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A draw's outcome and the two files it wrote. */
  record Run(DrawOutcome outcome, byte[] roster, byte[] transcript) {
    DrawSummary summary() {
      return ((DrawOutcome.Drawn) outcome).summary();
    }

    String rosterText() {
      return new String(roster, StandardCharsets.UTF_8);
    }
  }

  static Run draw(byte[] pool, Edition edition, int year, String seed) {
    try {
      var roster = new ByteArrayOutputStream();
      var transcript = new ByteArrayOutputStream();
      DrawOutcome outcome = RosterDraw.run(() -> new ByteArrayInputStream(pool),
          new RosterDraw.Request(edition, year, seed, "test"), roster, transcript);
      return new Run(outcome, roster.toByteArray(), transcript.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
