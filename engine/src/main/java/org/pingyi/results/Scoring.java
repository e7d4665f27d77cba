package org.pingyi.results;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one formula of API.md, shared by the live view and the sealed results. For department d: for every weight
 * class k with n_k > 0 votes, mean_k = Σ points / n_k; score = Σ w_k·mean_k / Σ w_k over those classes;
 * rawMean = Σ points / n; satisfactionRate = satisfied / n. Nothing is divided before the end: each figure is one
 * exact fraction, rounded half-up once (score and rawMean to 2 decimals, satisfactionRate to 4). Ranking uses the
 * rounded figures: score desc, satisfactionRate desc, count of the highest grade desc, code asc; departments
 * nobody scored come last.
 */
public final class Scoring {

  private Scoring() {}

  public static List<DepartmentResult> rank(List<GradeDef> grades, List<WeightClassDef> classes, List<DepartmentTally> tallies) {
    Map<String, GradeDef> gradeByCode = new LinkedHashMap<>();
    grades.forEach(g -> gradeByCode.put(g.code(), g));
    Map<String, WeightClassDef> classByCode = new LinkedHashMap<>();
    classes.forEach(c -> classByCode.put(c.code(), c));
    String topGrade = grades.stream().max(Comparator.comparingInt(GradeDef::points)).map(GradeDef::code).orElseThrow();

    List<DepartmentResult> results = new ArrayList<>();
    for (DepartmentTally tally : tallies) {
      results.add(figures(tally, gradeByCode, classByCode));
    }
    Comparator<BigDecimal> desc = Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());
    results.sort(Comparator.comparing(DepartmentResult::score, desc)
        .thenComparing(DepartmentResult::satisfactionRate, desc)
        .thenComparing(r -> r.grades().getOrDefault(topGrade, 0L), Comparator.reverseOrder())
        .thenComparing(DepartmentResult::code));
    List<DepartmentResult> ranked = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      ranked.add(results.get(i).withRank(i + 1));
    }
    return ranked;
  }

  static DepartmentResult figures(DepartmentTally tally, Map<String, GradeDef> grades, Map<String, WeightClassDef> classes) {
    Map<String, Long> gradeCounts = new LinkedHashMap<>();
    grades.keySet().forEach(g -> gradeCounts.put(g, 0L));
    Map<String, DepartmentResult.ClassFigure> byClass = new LinkedHashMap<>();
    long votes = 0;
    long points = 0;
    long satisfied = 0;
    // score = Σ_k w_k·P_k/n_k / Σ_k w_k = (Σ_k w_k·P_k·(L/n_k)) / (L·Σ_k w_k), with L the product of the n_k.
    List<long[]> classTotals = new ArrayList<>();
    List<BigDecimal> weights = new ArrayList<>();
    tally.counts().keySet().forEach(k -> {
      if (!classes.containsKey(k)) {
        throw new IllegalArgumentException("unknown weight class " + k + " for " + tally.code());
      }
    });
    for (WeightClassDef k : classes.values()) {
      Map<String, Long> counts = tally.counts().getOrDefault(k.code(), Map.of());
      long n = 0;
      long p = 0;
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        GradeDef g = grades.get(e.getKey());
        if (g == null) {
          throw new IllegalArgumentException("unknown grade " + e.getKey() + " for " + tally.code());
        }
        long c = e.getValue();
        n += c;
        p += c * g.points();
        gradeCounts.merge(g.code(), c, Long::sum);
        if (g.countsAsSatisfied()) {
          satisfied += c;
        }
      }
      votes += n;
      points += p;
      byClass.put(k.code(), new DepartmentResult.ClassFigure(n == 0 ? null : divide(BigDecimal.valueOf(p), BigDecimal.valueOf(n), 2), n));
      if (n > 0) {
        classTotals.add(new long[] {n, p});
        weights.add(k.weight());
      }
    }
    if (votes == 0) {
      return new DepartmentResult(0, tally.code(), null, null, null, 0, gradeCounts, byClass);
    }
    BigInteger product = BigInteger.ONE;
    for (long[] t : classTotals) {
      product = product.multiply(BigInteger.valueOf(t[0]));
    }
    BigDecimal l = new BigDecimal(product);
    BigDecimal numerator = BigDecimal.ZERO;
    BigDecimal weightSum = BigDecimal.ZERO;
    for (int i = 0; i < classTotals.size(); i++) {
      long[] t = classTotals.get(i);
      BigDecimal share = l.divide(BigDecimal.valueOf(t[0]));  // exact: n_k divides the product
      numerator = numerator.add(weights.get(i).multiply(BigDecimal.valueOf(t[1])).multiply(share));
      weightSum = weightSum.add(weights.get(i));
    }
    BigDecimal score = divide(numerator, l.multiply(weightSum), 2);
    BigDecimal rawMean = divide(BigDecimal.valueOf(points), BigDecimal.valueOf(votes), 2);
    BigDecimal rate = divide(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(votes), 4);
    return new DepartmentResult(0, tally.code(), score, rawMean, rate, votes, gradeCounts, byClass);
  }

  /** The exact quotient, rounded half-up once to {@code scale} decimals. */
  private static BigDecimal divide(BigDecimal numerator, BigDecimal denominator, int scale) {
    return numerator.divide(denominator, scale, RoundingMode.HALF_UP);
  }
}
