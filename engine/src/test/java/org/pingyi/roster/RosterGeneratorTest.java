package org.pingyi.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.TestEngine;

class RosterGeneratorTest {
  private final Edition edition = EditionLoader.load(TestEngine.EDITION);

  @TempDir Path dir;

  @Test
  void aThousandsRosterMeetsEveryCategoryQuotaExactly() {
    var roster = RosterGenerator.generate(edition, 3000, 2024);
    var active = roster.stream().filter(e -> e.status() == RosterEntry.Status.active).toList();
    assertEquals(3000, active.size());
    Map<String, Long> byCategory = active.stream().collect(Collectors.groupingBy(RosterEntry::category, Collectors.counting()));
    for (Edition.Category c : edition.categories()) {
      assertEquals(c.quota().longValue(), byCategory.getOrDefault(c.code(), 0L), c.code());
    }
  }

  @Test
  void districtSelectedCategoriesAreSplitEvenlyOverTheTenDistricts() {
    var roster = RosterGenerator.generate(edition, 3000, 2024);
    Map<String, Long> residents = roster.stream()
        .filter(e -> e.status() == RosterEntry.Status.active && e.category().equals("resident"))
        .collect(Collectors.groupingBy(RosterEntry::district, Collectors.counting()));
    assertEquals(10, residents.size());
    residents.values().forEach(n -> assertEquals(60L, n));
    long districtActive = roster.stream().filter(e -> e.status() == RosterEntry.Status.active)
        .filter(e -> edition.category(e.category()).orElseThrow().selection() == Edition.Selection.district).count();
    assertEquals(2830, districtActive);
  }

  @Test
  void alternatesAreAboutFiveAndAHalfPercentAndEveryIdAndSubjectIsUnique() {
    var roster = RosterGenerator.generate(edition, 3000, 2024);
    assertEquals(165, roster.stream().filter(e -> e.status() == RosterEntry.Status.alternate).count());
    assertEquals(roster.size(), new HashSet<>(roster.stream().map(RosterEntry::id).toList()).size());
    assertEquals(roster.size(), new HashSet<>(roster.stream().map(RosterEntry::subject).toList()).size());
    assertTrue(roster.stream().allMatch(e -> e.name().startsWith("演示代表") && e.phone().startsWith("100")));
  }

  @Test
  void itScalesTo30000AndTheSameSeedGivesTheSameRoster() {
    var big = RosterGenerator.generate(edition, 30_000, 7);
    assertEquals(30_000, big.stream().filter(e -> e.status() == RosterEntry.Status.active).count());
    assertEquals(6000, big.stream().filter(e -> e.status() == RosterEntry.Status.active && e.category().equals("resident")).count());
    assertEquals(RosterGenerator.generate(edition, 500, 9), RosterGenerator.generate(edition, 500, 9));
  }

  @Test
  void theCommittedDemoRosterIsTheGeneratorsOutputForSeed2024() throws Exception {
    Path file = dir.resolve("roster.csv");
    RosterFiles.write(RosterGenerator.generate(edition, 3000, 2024), file);
    assertEquals(Files.readString(TestEngine.DEMO_ROSTER), Files.readString(file));
    assertTrue(RosterFiles.read(TestEngine.DEMO_ROSTER, edition).ok());
  }

  @Test
  void apportionKeepsTheExactTotal() {
    assertEquals(7, java.util.Arrays.stream(RosterGenerator.apportion(new long[] {1, 1, 1}, 7)).sum());
    assertEquals(java.util.List.of(3, 2, 2), java.util.Arrays.stream(RosterGenerator.apportion(new long[] {1, 1, 1}, 7)).boxed().toList());
  }
}
