package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.edition.EditionException;
import org.pingyi.support.TestEngine;

/**
 * A pool that cannot meet the quotas draws nobody and names every short cell, by how many, and relaxations that
 * do make it feasible: adopting the one named (in the edition file) lets the same pool draw.
 */
class InfeasibleDrawTest {
  @TempDir Path dir;

  static JsonObject cell(TestPools.Run run, String category, String district) {
    JsonObject t = new JsonObject(new String(run.transcript(), StandardCharsets.UTF_8));
    return t.getJsonArray("cells").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("category").equals(category) && c.getString("district").equals(district))
        .findFirst().orElseThrow();
  }

  Edition withRelaxations(Path base, String yaml) throws Exception {
    Path file = dir.resolve("relaxed.yaml");
    Files.writeString(file, Files.readString(base) + "\n" + yaml + "\n");
    return EditionLoader.load(file);
  }

  @Test
  void aCellWithTooFewCandidatesIsNamedWithItsShortfallAndMovingItsSeatToTheNeighbourMakesItDraw() throws Exception {
    byte[] pool = new TestPools()
        .add("resident", "east", 1, "")
        .add("resident", "west", 5, "").add("resident", "west", 3, "2024")
        .add("expert", "east", 4, "").add("expert", "west", 2, "2024").bytes();
    var run = TestPools.draw(pool, TestPools.tiny(), 2025, "seed");
    var infeasible = assertInstanceOf(DrawOutcome.Infeasible.class, run.outcome());
    assertEquals(0, run.roster().length, "nothing is written");
    assertEquals(1, infeasible.cells().size());
    ShortCell east = infeasible.cells().get(0);
    assertEquals("resident/east", east.cell());
    assertEquals(1, east.missingCandidates());
    assertEquals(new Relaxation.MoveSeats("resident", "east", List.of(new Relaxation.Transfer("west", 1))),
        east.relaxations().get(0));
    assertEquals("cell resident/east", infeasible.errors().get(0).field());
    assertTrue(infeasible.errors().get(0).message().startsWith("short by 1 eligible candidate(s) (1 for 2 seats); would be "
        + "feasible if you move 1 seat(s) of resident from east to west (1)"), infeasible.errors().get(0).message());

    Edition relaxed = withRelaxations(TestPools.TINY,
        "drawRelaxations:\n  moveSeats:\n    - " + east.relaxations().get(0).yamlItems().get(0));
    var again = TestPools.draw(pool, relaxed, 2025, "seed");
    assertInstanceOf(DrawOutcome.Drawn.class, again.outcome());
    assertEquals(1, cell(again, "resident", "east").getInteger("seats"));
    assertEquals(3, cell(again, "resident", "west").getInteger("seats"));
  }

  @Test
  void aCellShortOfNewCandidatesCanLowerItsFloorWhereTheRosterKeepsItsThirtyPercent() throws Exception {
    Edition qingdao = TestPools.qingdao();
    byte[] synthetic = TestPools.synthetic(qingdao, 12_000, 2025, 5);
    StringBuilder pool = new StringBuilder();
    for (String line : new String(synthetic, StandardCharsets.UTF_8).split("\n")) {
      if (!line.contains(",laixi,new_citizen,")) {
        pool.append(line).append('\n');
      }
    }
    String poolText = pool + new String(new TestPools().add("new_citizen", "laixi", 1, "")
        .add("new_citizen", "laixi", 9, "2024").bytes(), StandardCharsets.UTF_8).lines().skip(1)
        .map(l -> l + "\n").reduce("", String::concat);
    byte[] bytes = poolText.getBytes(StandardCharsets.UTF_8);
    var run = TestPools.draw(bytes, qingdao, 2025, "seed");
    var infeasible = assertInstanceOf(DrawOutcome.Infeasible.class, run.outcome());
    ShortCell laixi = infeasible.cells().get(0);
    assertEquals("new_citizen/laixi", laixi.cell());
    assertEquals(1, laixi.missingNew(), "5 seats need 2 new; the pool has 1");
    var lower = laixi.relaxations().stream().filter(Relaxation.LowerNewFloor.class::isInstance).findFirst().orElseThrow();
    assertEquals(new Relaxation.LowerNewFloor("new_citizen", "laixi", 2, 1, true), lower);

    Edition relaxed = withRelaxations(TestEngine.EDITION, "drawRelaxations:\n  newSeats:\n    - " + lower.yamlItems().get(0));
    var again = TestPools.draw(bytes, relaxed, 2025, "seed");
    assertInstanceOf(DrawOutcome.Drawn.class, again.outcome());
    assertEquals(1, cell(again, "new_citizen", "laixi").getInteger("minNewSeats"));
    assertTrue(again.summary().newActive() >= 900, "the roster as a whole is still at least 30 % new");
  }

  @Test
  void everyShortCellIsNamedNotOnlyTheFirst() {
    byte[] pool = new TestPools()
        .add("resident", "east", 1, "")
        .add("resident", "west", 2, "2024")
        .add("expert", "east", 1, "").add("expert", "west", 1, "2024").bytes();
    var infeasible = assertInstanceOf(DrawOutcome.Infeasible.class, TestPools.draw(pool, TestPools.tiny(), 2025, "s").outcome());
    assertEquals(List.of("resident/east", "resident/west", "expert/city"), infeasible.cells().stream().map(ShortCell::cell).toList());
    ShortCell expert = infeasible.cells().get(2);
    assertEquals(1, expert.missingCandidates());
    assertEquals(1, expert.missingNew());
    assertTrue(expert.relaxations().isEmpty(), "a city cell has no neighbour, and lowering its floor leaves it short");
    assertTrue(expert.describe().endsWith("no relaxation of the quota table suffices: add candidates to the pool"));
  }

  @Test
  void relaxationsThatNameNoRealCellAreRefusedByTheEditionLoader() throws Exception {
    var error = assertThrows(EditionException.class, () -> withRelaxations(TestPools.TINY,
        "drawRelaxations:\n  moveSeats:\n    - { category: expert, from: east, to: east, seats: 3 }\n"
            + "  newSeats:\n    - { category: resident, district: city, minNewSeats: -1 }"));
    String m = error.getMessage();
    assertTrue(m.contains("drawRelaxations.moveSeats[0].category: not a district-selected category 'expert'"), m);
    assertTrue(m.contains("drawRelaxations.moveSeats[0].to: must differ from 'from'"), m);
    assertTrue(m.contains("drawRelaxations.newSeats[0].district: unknown district 'city'"), m);
    assertTrue(m.contains("drawRelaxations.newSeats[0].minNewSeats: whole seats, 0 or more"), m);
    assertFalse(m.contains("Exception"));
  }
}
