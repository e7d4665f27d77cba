package org.pingyi.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formula of API.md on cases computed by hand (the comments show the arithmetic). */
class ScoringTest {
  static final List<GradeDef> GRADES = List.of(
      new GradeDef("satisfied", 100, true),
      new GradeDef("fairly_satisfied", 80, true),
      new GradeDef("basically_satisfied", 60, false),
      new GradeDef("dissatisfied", 0, false));
  static final List<WeightClassDef> CLASSES = List.of(
      new WeightClassDef("service", new BigDecimal("0.5")),
      new WeightClassDef("society", new BigDecimal("0.3")),
      new WeightClassDef("volunteer", new BigDecimal("0.2")));

  /** counts given as class, grade, n, class, grade, n, … */
  static DepartmentTally tally(String code, Object... triples) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (int i = 0; i < triples.length; i += 3) {
      counts.computeIfAbsent((String) triples[i], k -> new LinkedHashMap<>())
          .merge((String) triples[i + 1], ((Number) triples[i + 2]).longValue(), Long::sum);
    }
    return new DepartmentTally(code, counts);
  }

  static DepartmentResult only(DepartmentTally t) {
    return Scoring.rank(GRADES, CLASSES, List.of(t)).get(0);
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void weightClassesWithUnequalCountsAreAveragedByWeight() {
    // service 100,100,80 → 280/3 = 93.333…; society 60,0 → 30; volunteer 80 → 80
    // score = (0.5·93.333… + 0.3·30 + 0.2·80) / 1.0 = 71.6666… → 71.67; rawMean = 420/6 = 70.00
    // satisfied (100 or 80): 3 + 0 + 1 = 4 of 6 → 0.6667
    DepartmentResult r = only(tally("D01",
        "service", "satisfied", 2, "service", "fairly_satisfied", 1,
        "society", "basically_satisfied", 1, "society", "dissatisfied", 1,
        "volunteer", "fairly_satisfied", 1));
    assertEquals(d("71.67"), r.score());
    assertEquals(d("70.00"), r.rawMean());
    assertEquals(d("0.6667"), r.satisfactionRate());
    assertEquals(6, r.votes());
    assertEquals(Map.of("satisfied", 2L, "fairly_satisfied", 2L, "basically_satisfied", 1L, "dissatisfied", 1L), r.grades());
    assertEquals(List.of("satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied"), List.copyOf(r.grades().keySet()));
    assertEquals(new DepartmentResult.ClassFigure(d("93.33"), 3), r.byWeightClass().get("service"));
    assertEquals(new DepartmentResult.ClassFigure(d("30.00"), 2), r.byWeightClass().get("society"));
    assertEquals(new DepartmentResult.ClassFigure(d("80.00"), 1), r.byWeightClass().get("volunteer"));
  }

  @Test
  void aClassWithoutVotesIsLeftOutNotCountedAsZero() {
    // service 100,60 → 80; volunteer 0 → 0; society has no votes
    // score = (0.5·80 + 0.2·0) / (0.5 + 0.2) = 40/0.7 = 57.142857… → 57.14 (counting society as 0 would give 40.00)
    DepartmentResult r = only(tally("D02",
        "service", "satisfied", 1, "service", "basically_satisfied", 1, "volunteer", "dissatisfied", 1));
    assertEquals(d("57.14"), r.score());
    assertEquals(d("53.33"), r.rawMean());
    assertEquals(d("0.3333"), r.satisfactionRate());
    assertEquals(new DepartmentResult.ClassFigure(null, 0), r.byWeightClass().get("society"));
  }

  @Test
  void halfUpRoundingAtTheBoundaryOfTheLastDecimal() {
    // one class: (3466·100 + 1·60 + 533·0) / 4000 = 346660/4000 = 86.665 exactly → 86.67 (half-even would say 86.66)
    DepartmentResult r = only(tally("D03", "service", "satisfied", 3466, "service", "basically_satisfied", 1,
        "service", "dissatisfied", 533));
    assertEquals(d("86.67"), r.score());
    assertEquals(d("86.67"), r.rawMean());
    // 1 satisfied of 32 = 0.03125 exactly → 0.0313
    assertEquals(d("0.0313"), only(tally("D04", "service", "satisfied", 1, "service", "dissatisfied", 31)).satisfactionRate());
    assertEquals(d("0.0625"), only(tally("D05", "service", "satisfied", 1, "service", "dissatisfied", 15)).satisfactionRate());
  }

  @Test
  void aValueJustBelowTheBoundaryIsNotRoundedTwice() {
    // service 60,0×22 → 60/23; society 100×6,0×5 → 600/11
    // score = (0.5·60/23 + 0.3·600/11) / 0.8 = 11175/506 = 22.0849802… → 22.08 (rounding to 3 places first: 22.09)
    DepartmentResult r = only(tally("D06", "service", "basically_satisfied", 1, "service", "dissatisfied", 22,
        "society", "satisfied", 6, "society", "dissatisfied", 5));
    assertEquals(d("22.08"), r.score());
  }

  @Test
  void nonTerminatingMeansAreExact() {
    // 100/3 = 33.333… → 33.33 and 200/3 = 66.666… → 66.67
    assertEquals(d("33.33"), only(tally("D07", "society", "satisfied", 1, "society", "dissatisfied", 2)).score());
    assertEquals(d("66.67"), only(tally("D08", "society", "satisfied", 2, "society", "dissatisfied", 1)).score());
  }

  @Test
  void equalScoresAreRankedBySatisfactionRate() {
    // both score 80.00: A = 100,60 (satisfied 1/2); B = 80,80 (satisfied 2/2) → B first
    var ranked = Scoring.rank(GRADES, CLASSES, List.of(
        tally("A", "service", "satisfied", 1, "service", "basically_satisfied", 1),
        tally("B", "service", "fairly_satisfied", 2)));
    assertEquals(List.of("B", "A"), ranked.stream().map(DepartmentResult::code).toList());
    assertEquals(List.of(1, 2), ranked.stream().map(DepartmentResult::rank).toList());
  }

  @Test
  void thenByTheCountOfTheHighestGrade() {
    // both score 80.00 with satisfaction 0.5000: C = 100,100,60,60 (two 满意); D = 100,60 (one) → C first
    var ranked = Scoring.rank(GRADES, CLASSES, List.of(
        tally("D", "service", "satisfied", 1, "service", "basically_satisfied", 1),
        tally("C", "service", "satisfied", 2, "service", "basically_satisfied", 2)));
    assertEquals(List.of("C", "D"), ranked.stream().map(DepartmentResult::code).toList());
  }

  @Test
  void thenByDepartmentCode() {
    var ranked = Scoring.rank(GRADES, CLASSES, List.of(
        tally("D12", "service", "satisfied", 1), tally("D10", "service", "satisfied", 1), tally("D11", "service", "satisfied", 1)));
    assertEquals(List.of("D10", "D11", "D12"), ranked.stream().map(DepartmentResult::code).toList());
  }

  @Test
  void rankingUsesTheRoundedFiguresAsPublished() {
    // E: 400020/5000 = 80.004 → 80.00, satisfied 3999/5000 = 0.7998
    // F: 1600020/20000 = 80.001 → 80.00, satisfied 15999/20000 = 0.79995 → 0.8000
    // exact scores say E > F; published scores tie, so satisfaction decides: F first
    var ranked = Scoring.rank(GRADES, CLASSES, List.of(
        tally("E", "service", "satisfied", 3999, "service", "basically_satisfied", 2, "service", "dissatisfied", 999),
        tally("F", "service", "satisfied", 15999, "service", "basically_satisfied", 2, "service", "dissatisfied", 3999)));
    assertEquals(d("80.00"), ranked.get(0).score());
    assertEquals(d("80.00"), ranked.get(1).score());
    assertEquals(List.of("F", "E"), ranked.stream().map(DepartmentResult::code).toList());
  }

  @Test
  void departmentsNobodyScoredComeLastWithoutFigures() {
    var ranked = Scoring.rank(GRADES, CLASSES, List.of(tally("Z1"), tally("A1", "service", "dissatisfied", 1)));
    assertEquals(List.of("A1", "Z1"), ranked.stream().map(DepartmentResult::code).toList());
    assertNull(ranked.get(1).score());
    assertNull(ranked.get(1).satisfactionRate());
    assertEquals(0, ranked.get(1).votes());
  }

  @Test
  void unknownGradesOrClassesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> only(tally("X", "service", "superb", 1)));
    assertThrows(IllegalArgumentException.class, () -> only(tally("X", "aliens", "satisfied", 1)));
  }
}
