package org.pingyi.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.TestEngine;

/** A roster file the engine writes is neutralised for spreadsheets and still imports as it was. */
class RosterFilesTest {
  @TempDir Path dir;

  @Test
  void aWrittenRosterWithInternationalPhonesAndFormulaLikeNamesReadsBackUnchanged() throws Exception {
    var edition = EditionLoader.load(TestEngine.EDITION);
    List<RosterEntry> roster = List.of(
        new RosterEntry("R1", "=HYPERLINK(\"http://evil.example\",\"x\")", "+8613800000001", "shinan", "resident",
            RosterEntry.Status.active, "face-1"),
        new RosterEntry("R2", "@SUM(A1)", "+86 138 0000 0002", "shinan", "resident", RosterEntry.Status.active, "-face-2"),
        new RosterEntry("R3", "O'Connor", "13800000003", "shinan", "resident", RosterEntry.Status.alternate, "face-3"));
    Path file = dir.resolve("roster.csv");
    RosterFiles.write(roster, file);
    String text = Files.readString(file);
    assertTrue(text.contains("\"'=HYPERLINK("), text);
    assertTrue(text.contains(",'+8613800000001,"), text);
    assertTrue(text.contains(",'-face-2"), text);
    RosterParse parse = RosterFiles.read(file, edition);
    assertEquals(List.of(), parse.errors());
    assertEquals(roster, parse.entries());
  }
}
