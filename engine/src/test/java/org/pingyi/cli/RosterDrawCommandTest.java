package org.pingyi.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.support.TestEngine;

/** The office's and the outsider's commands, as README shows them: their answers and exit codes. */
class RosterDrawCommandTest {
  static final String EDITION = TestEngine.EDITION.toString();
  @TempDir Path dir;

  record Result(int status, String out) {}

  static synchronized Result run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int status = PingyiCli.execute(args);
      return new Result(status, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  Path pool(int size) {
    Path pool = dir.resolve("pool.csv");
    Result made = run("roster", "generate-pool", "--size", String.valueOf(size), "--year", "2025", "--edition", EDITION,
        "--out", pool.toString());
    assertEquals(0, made.status());
    return pool;
  }

  Result draw(Path pool, String edition, String name) {
    return run("roster", "draw", "--pool", pool.toString(), "--edition", edition, "--year", "2025",
        "--seed", "03 11 19 24 28 32 + 07", "--seed-source", "福利彩票双色球 2024139 期",
        "--out", dir.resolve(name + ".csv").toString(), "--transcript", dir.resolve(name + ".json").toString());
  }

  @Test
  void theOfficeDrawsAndAnOutsiderVerifiesWithTheSameFilesAndAChangedPoolIsNotVerified() throws Exception {
    Path pool = pool(10_000);
    Result drawn = draw(pool, EDITION, "roster");
    assertEquals(0, drawn.status(), drawn.out());
    assertTrue(drawn.out().startsWith("drawn: 3000 active ("), drawn.out());
    assertTrue(drawn.out().contains("and 165 alternates from 10000 people"), drawn.out());
    assertTrue(Files.readString(dir.resolve("roster.json")).contains("\"seedSource\" : \"福利彩票双色球 2024139 期\""));

    Result again = draw(pool, EDITION, "again");
    assertEquals(0, again.status());
    assertArrayEquals(Files.readAllBytes(dir.resolve("roster.csv")), Files.readAllBytes(dir.resolve("again.csv")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("roster.json")), Files.readAllBytes(dir.resolve("again.json")));

    Result verified = run("roster", "verify-draw", "--pool", pool.toString(), "--edition", EDITION,
        "--transcript", dir.resolve("roster.json").toString());
    assertEquals(0, verified.status(), verified.out());
    assertTrue(verified.out().startsWith("verified: 3000 active and 165 alternates"), verified.out());

    Path changed = dir.resolve("changed.csv");
    Files.writeString(changed, Files.readString(pool).replace("演示候选人0000777,", "演示候选人0000778,"));
    Result refused = run("roster", "verify-draw", "--pool", changed.toString(), "--edition", EDITION,
        "--transcript", dir.resolve("roster.json").toString());
    assertEquals(1, refused.status());
    assertTrue(refused.out().startsWith("NOT VERIFIED: inputs.poolSha256: "), refused.out());
  }

  @Test
  void anInfeasiblePoolExitsTwoNamingTheCellAndTheRelaxationItPrintsMakesTheDrawWork() throws Exception {
    Path full = pool(12_000);
    Path pool = dir.resolve("short.csv");
    StringBuilder kept = new StringBuilder();
    int laixi = 0;
    for (String line : Files.readAllLines(full)) {
      if (line.contains(",laixi,new_citizen,") && laixi++ >= 3) {
        continue;                                    // keep 3 people for 5 seats
      }
      kept.append(line.replaceAll(",laixi,new_citizen,(\\w+),(face-\\w+),.*$", ",laixi,new_citizen,$1,$2,")).append('\n');
    }
    Files.writeString(pool, kept);
    Result result = draw(pool, EDITION, "short");
    assertEquals(2, result.status(), result.out());
    assertTrue(result.out().startsWith("INFEASIBLE: 1 cell(s) cannot be filled from this pool; nothing was written:"), result.out());
    assertTrue(result.out().contains("new_citizen/laixi: short by 2 eligible candidate(s) (3 for 5 seats)"), result.out());
    assertTrue(result.out().contains("move 2 seat(s) of new_citizen from laixi to pingdu (2)"), result.out());
    assertFalse(Files.exists(dir.resolve("short.csv.json")) || Files.exists(dir.resolve("short.json")), "no transcript");

    String snippet = result.out().substring(result.out().indexOf("drawRelaxations:"));
    Path relaxed = dir.resolve("relaxed.yaml");
    Files.writeString(relaxed, Files.readString(TestEngine.EDITION) + "\n" + snippet);
    Result drawn = draw(pool, relaxed.toString(), "relaxed");
    assertEquals(0, drawn.status(), drawn.out());
    assertTrue(Files.readString(dir.resolve("relaxed.json")).contains("moveSeats new_citizen laixi pingdu 2"),
        "the adopted relaxation is bound into the quota block");
  }

  @Test
  void aBadPoolAMissingFileAndAnUntidySeedAreRefusedWithExitTwo() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,name,phone,district,category,source,subject,servedYears\n"
        + "X1,某某,10012345671,atlantis,resident,random,face-x1,\n");
    Result refused = draw(bad, EDITION, "bad");
    assertEquals(2, refused.status());
    assertEquals("REFUSED: the pool has 1 bad line(s); nothing was drawn:\n  line 2: unknown district 'atlantis'\n", refused.out());
    assertEquals(2, draw(dir.resolve("missing.csv"), EDITION, "missing").status());
    assertEquals(2, run("roster", "draw", "--pool", bad.toString(), "--year", "2025", "--seed", " 7",
        "--out", dir.resolve("x.csv").toString(), "--transcript", dir.resolve("x.json").toString()).status());
  }
}
