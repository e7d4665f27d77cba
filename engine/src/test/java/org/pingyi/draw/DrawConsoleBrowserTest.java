package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.Hashes;
import org.pingyi.support.BrowserSpec;
import org.pingyi.support.TestEngine;

/**
 * The console's roster draw in a real browser (src/test/browser/draw.spec.mjs): upload, publish the hash, announce
 * the seed's source, enter the seed, draw, adopt. Screenshots of every step land in target/screenshots.
 */
class DrawConsoleBrowserTest {
  @TempDir Path dir;

  @Test
  void anOperatorDrawsTheYearsRosterInTheConsoleAndAdoptsIt() throws Exception {
    Path pool = dir.resolve("pool.csv");
    try (OutputStream out = Files.newOutputStream(pool)) {
      SyntheticPool.write(TestPools.qingdao(), 12_000, 2025, 21, out);
    }
    Path bad = dir.resolve("bad-pool.csv");
    Files.writeString(bad, String.join(",", PoolCsv.HEADER) + "\nX1,某某,10012345671,atlantis,resident,random,face-x1,\n");
    try (TestEngine engine = TestEngine.start()) {
      Path shots = BrowserSpec.SHOTS;
      BrowserSpec.run("draw.spec.mjs", "browser-draw.log", Map.of(
          "BASE_URL", "http://127.0.0.1:" + engine.engine().httpPort(),
          "OPERATOR", engine.operator(),
          "POOL", pool.toString(),
          "BAD_POOL", bad.toString(),
          "POOL_SHA", HexFormat.of().formatHex(Hashes.sha256(Files.readAllBytes(pool)))), "draw console checks passed", 180);

      assertEquals(1, engine.count("SELECT count(*) FROM roster_draws WHERE state = 'adopted' AND pool IS NULL"));
      assertEquals(3000, engine.count("SELECT count(*) FROM representatives WHERE id LIKE 'P%' AND status = 'active'"));
      assertEquals(165, engine.count("SELECT count(*) FROM representatives WHERE id LIKE 'P%' AND status = 'alternate'"));
      for (String step : List.of("draw-01-bad-pool-refused", "draw-02-pool-published", "draw-03-seed-source-announced",
          "draw-04-seed-entered", "draw-05-drawn-inspect", "draw-06-adopted")) {
        assertTrue(Files.size(shots.resolve(step + ".png")) > 1000, step);
      }
    }
  }
}
