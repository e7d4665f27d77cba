package org.pingyi.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.support.TestEngine;

class EditionLoaderTest {

  @TempDir Path dir;

  @Test
  void the2024EditionHas36PublicDepartmentsInFourGroupsAndThreeInternal() {
    Edition e = EditionLoader.load(TestEngine.EDITION);
    var publicGroups = e.groups().stream().filter(g -> !g.internal()).toList();
    assertEquals(4, publicGroups.size());
    assertEquals(java.util.List.of(8, 8, 11, 9), publicGroups.stream().map(g -> g.departments().size()).toList());
    assertEquals("市发展改革委", publicGroups.get(0).departments().get(0).name());
    assertEquals("青岛仲裁办", publicGroups.get(3).departments().get(8).name());
    assertEquals(java.util.List.of("市国动办", "市政府研究室", "市信访局"),
        e.group("internal").orElseThrow().departments().stream().map(Edition.Department::name).toList());
    assertEquals(5, e.sessions().size());
    assertEquals(10, e.districts().size());
    assertEquals(3000, e.categories().stream().mapToInt(Edition.Category::quota).sum());
    assertEquals(170, e.categories().stream().filter(c -> c.selection() == Edition.Selection.city)
        .mapToInt(Edition.Category::quota).sum());
    assertEquals("满意,比较满意,基本满意,不满意", e.grades().stream().map(Edition.Grade::label).collect(Collectors.joining(",")));
  }

  @Test
  void theSuggestionCalendarHoldsTheStateCouncilsHolidaysOf2024And2025AndEveryDepartmentsContact() {
    Edition.Suggestions s = EditionLoader.load(TestEngine.EDITION).suggestionsOrDefault();
    assertEquals(13, s.answerWorkingDays());
    assertEquals(1, s.urgeBeforeDays());
    assertEquals(7, s.closeAfterDays());
    // 2024: 1 + 8 + 3 + 5 + 1 + 3 + 7 days off; 2025: 1 + 8 + 3 + 5 + 3 + 8.
    assertEquals(28, s.holidaysOrNone().stream().filter(d -> d.getYear() == 2024).count());
    assertEquals(28, s.holidaysOrNone().stream().filter(d -> d.getYear() == 2025).count());
    assertEquals(8, s.workingWeekendsOrNone().stream().filter(d -> d.getYear() == 2024).count());
    assertEquals(5, s.workingWeekendsOrNone().stream().filter(d -> d.getYear() == 2025).count());
    assertEquals(39, s.contactsOrNone().size());
  }

  @Test
  void aSuggestionCalendarThatContradictsItselfIsRefusedNamingEachKey() throws Exception {
    Path file = copyWith("2024-02-04, 2024-02-18,", "2024-02-05, 2024-02-10,");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().contains("suggestions.workingWeekends: '2024-02-05' is not a Saturday or Sunday"), error.getMessage());
    assertTrue(error.getMessage().contains("suggestions.workingWeekends: '2024-02-10' is also a holiday"), error.getMessage());
    Path noContact = copyWith("D07: \"10053200007\", ", "D97: \"10053200007\", ");
    error = assertThrows(EditionException.class, () -> EditionLoader.load(noContact));
    assertTrue(error.getMessage().contains("suggestions.contacts: unknown department 'D97'"), error.getMessage());
    assertTrue(error.getMessage().contains("department 'D07' has no contact number"), error.getMessage());
    Path urge = copyWith("  urgeBeforeDays: 1", "  urgeBeforeDays: 13");
    error = assertThrows(EditionException.class, () -> EditionLoader.load(urge));
    assertTrue(error.getMessage().contains("suggestions.urgeBeforeDays"), error.getMessage());
  }

  @Test
  void aTypoedKeyIsRefusedNamingTheLineAndKey() throws Exception {
    Path file = copyWith("    name: 经济建设一组", "    nmae: 经济建设一组");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().matches(".*line \\d+, key 'groups\\[0\\]\\.nmae'.*"), error.getMessage());
  }

  @Test
  void aSessionOfAnUnknownGroupIsRefusedNamingTheKey() throws Exception {
    Path file = copyWith("group: econ2,", "group: econ9,");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().contains("sessions[2].group: unknown group 'econ9'"), error.getMessage());
  }

  @Test
  void aDepartmentCodeUsedTwiceIsRefused() throws Exception {
    Path file = copyWith("{ code: D02, name: 市科技局 }", "{ code: D01, name: 市科技局 }");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().contains("groups[0].departments[1].code: 'D01' appears twice"), error.getMessage());
  }

  @Test
  void brokenYamlIsRefusedWithItsLine() throws Exception {
    Path file = copyWith("grades:", "grades: [");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().contains("line "), error.getMessage());
  }

  @Test
  void the2024EditionCarriesThePlansRotationRule() {
    Edition e = EditionLoader.load(TestEngine.EDITION);
    assertEquals(0, new java.math.BigDecimal("0.30").compareTo(e.rotation().minNewShare()));
    assertEquals(3, e.rotation().maxConsecutiveYears());
  }

  @Test
  void aRotationRuleOutOfRangeIsRefusedNamingBothKeys() throws Exception {
    Path file = copyWith("rotation: { minNewShare: 0.30, maxConsecutiveYears: 3 }", "rotation: { minNewShare: 1.5, maxConsecutiveYears: 0 }");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().contains("rotation.minNewShare: must be from 0 to 1"), error.getMessage());
    assertTrue(error.getMessage().contains("rotation.maxConsecutiveYears: whole years, at least 1"), error.getMessage());
  }

  @Test
  void the2024EditionHasOneOrTwoCommunityVenuesInEveryDistrict() {
    Edition e = EditionLoader.load(TestEngine.EDITION);
    var perDistrict = e.venuesOrNone().stream()
        .collect(Collectors.groupingBy(Edition.Venue::district, Collectors.counting()));
    assertEquals(e.districts().stream().map(Edition.District::code).collect(Collectors.toSet()), perDistrict.keySet());
    assertTrue(perDistrict.values().stream().allMatch(n -> n >= 1 && n <= 2), perDistrict.toString());
    assertEquals("市南区第一社区会场", e.venue("shinan-1").orElseThrow().name());
  }

  @Test
  void aVenueInAnUnknownDistrictIsRefusedNamingTheKey() throws Exception {
    Path file = copyWith("{ code: licang-1,    district: licang,", "{ code: licang-1,    district: lichang,");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().contains("venues[4].district: unknown district 'lichang'"), error.getMessage());
  }

  @Test
  void aVenueCodeUsedTwiceOrAVenueWithoutANameIsRefused() throws Exception {
    Path file = copyWith("{ code: shinan-2,    district: shinan,    name: 市南区第二社区会场 }",
        "{ code: shinan-1,    district: shinan,    name: \" \" }");
    var error = assertThrows(EditionException.class, () -> EditionLoader.load(file));
    assertTrue(error.getMessage().contains("venues[1]: code 'shinan-1' appears twice"), error.getMessage());
    assertTrue(error.getMessage().contains("venues[1].name: missing"), error.getMessage());
  }

  @Test
  void anEditionWithoutVenuesHasNone() throws Exception {
    String text = Files.readString(TestEngine.EDITION);
    Path file = dir.resolve("edition.yaml");
    Files.writeString(file, text.replaceAll("(?m)^venues:\\n(  - .*\\n)+", ""));
    assertTrue(!Files.readString(file).contains("shinan-1"), "the fixture lost its venues");
    Edition e = EditionLoader.load(file);
    assertEquals(java.util.List.of(), e.venuesOrNone());
    assertTrue(e.venue("shinan-1").isEmpty());
  }

  private Path copyWith(String from, String to) throws Exception {
    String text = Files.readString(TestEngine.EDITION);
    assertTrue(text.contains(from), "fixture text not found: " + from);
    Path file = dir.resolve("edition.yaml");
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    return file;
  }
}
