package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.TestEngine;

/**
 * docs/draw.md is enough to re-implement the draw: docs/draw-reference.py, written from that page alone in Python's
 * standard library, redraws from the pool and the published transcript and gets the same transcript and roster —
 * also with remainder seats, seat moves, a lowered floor, ineligible candidates and city cells.
 */
class DrawReferenceImplementationTest {
  @TempDir Path dir;

  String reference(byte[] pool, TestPools.Run run) throws Exception {
    Files.write(dir.resolve("pool.csv"), pool);
    Files.write(dir.resolve("draw.json"), run.transcript());
    Files.write(dir.resolve("roster.csv"), run.roster());
    Process python = new ProcessBuilder("python3", TestEngine.PROJECT.resolve("docs/draw-reference.py").toString(),
        "--pool", "pool.csv", "--transcript", "draw.json", "--roster", "roster.csv")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    assertTrue(python.waitFor(120, TimeUnit.SECONDS), "the reference implementation finished");
    String out = new String(python.getInputStream().readAllBytes()).trim();
    assertEquals(0, python.exitValue(), out);
    return out;
  }

  @Test
  void anIndependentImplementationFromTheDocsRedrawsTheSameRosterAndTranscript() throws Exception {
    Path file = dir.resolve("edition.yaml");
    Files.writeString(file, Files.readString(TestEngine.EDITION)
        .replace("quota: 600, selection: district }", "quota: 603, selection: district }")
        .replace("quota: 200, selection: district }", "quota: 207, selection: district }")
        + "\ndrawRelaxations:\n  moveSeats:\n    - { category: resident, from: laixi, to: pingdu, seats: 2 }\n"
        + "  newSeats:\n    - { category: intermediary, district: shinan, minNewSeats: 0 }\n");
    Edition edition = EditionLoader.load(file);
    byte[] pool = RosterDrawTest.withServedYears(TestPools.synthetic(edition, 10_000, 2025, 4),
        i -> switch (((i * 0x9E3779B1) >>> 8) % 10) {
          case 0, 1, 2, 3 -> "";
          case 4, 5, 6 -> "2024";
          case 7, 8 -> "2023;2024";
          default -> "2022;2023;2024";
        });
    var run = TestPools.draw(pool, edition, 2025, "双色球 03 11 19 24 28 32 + 07");
    assertTrue(run.outcome() instanceof DrawOutcome.Drawn, run.outcome().toString());
    assertEquals("same", reference(pool, run));
  }

  @Test
  void theSmallEditionsCellsRedrawTheSameToo() throws Exception {
    byte[] pool = new TestPools()
        .add("resident", "east", 6, "").add("resident", "east", 4, "2024").add("resident", "east", 1, "2023;2024")
        .add("resident", "west", 3, "").add("resident", "west", 8, "2024")
        .add("expert", "east", 5, "").add("expert", "west", 5, "2024").bytes();
    for (String seed : new String[] {"a", "b", "c"}) {
      assertEquals("same", reference(pool, TestPools.draw(pool, TestPools.tiny(), 2025, seed)));
    }
  }
}
