package org.pingyi.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the figures recomputed from the ballots with results.json's rows, member by member and type by type;
 * the first difference names its department. Weight-class cells are compared as sealed: small cells suppressed by
 * the edition's rule ({@link ResultsDocument#byWeightClass}) must say exactly {"suppressed":true}.
 */
final class FigureCheck {
  static final Set<String> ROW_MEMBERS = Set.of("rank", "department", "score", "rawMean", "satisfactionRate", "votes",
      "grades", "byWeightClass");

  private FigureCheck() {}

  static void compare(List<DepartmentResult> recomputed, JsonArray published, int minCellSize) {
    if (published.size() != recomputed.size()) {
      throw VerifyRefusal.of("results.json lists " + published.size() + " departments, expected " + recomputed.size());
    }
    for (int i = 0; i < recomputed.size(); i++) {
      DepartmentResult r = recomputed.get(i);
      String where = "results.json row " + (i + 1);
      if (!(published.getValue(i) instanceof JsonObject p) || !p.fieldNames().equals(ROW_MEMBERS)
          || !(p.getValue("department") instanceof JsonObject department) || !(department.getValue("code") instanceof String code)) {
        throw VerifyRefusal.of(where + ": not a department row with the members " + ROW_MEMBERS);
      }
      if (!r.code().equals(code) || !sameLong(r.rank(), p.getValue("rank"))) {
        throw VerifyRefusal.of(where + " (" + code + "): rank " + (i + 1) + " should be " + r.code());
      }
      String diff = firstDifference(r, p, minCellSize);
      if (diff != null) {
        throw VerifyRefusal.of("department " + code + " " + diff);
      }
    }
  }

  private static String firstDifference(DepartmentResult r, JsonObject p, int minCellSize) {
    if (!sameNumber(r.score(), p.getValue("score"))) {
      return "score: recomputed " + r.score() + ", results.json says " + p.getValue("score");
    }
    if (!sameNumber(r.rawMean(), p.getValue("rawMean"))) {
      return "rawMean: recomputed " + r.rawMean() + ", results.json says " + p.getValue("rawMean");
    }
    if (!sameNumber(r.satisfactionRate(), p.getValue("satisfactionRate"))) {
      return "satisfactionRate: recomputed " + r.satisfactionRate() + ", results.json says " + p.getValue("satisfactionRate");
    }
    if (!sameLong(r.votes(), p.getValue("votes"))) {
      return "votes: recomputed " + r.votes() + ", results.json says " + p.getValue("votes");
    }
    if (!(p.getValue("grades") instanceof JsonObject grades) || !grades.fieldNames().equals(r.grades().keySet())) {
      return "grades: must list every grade of the edition";
    }
    for (Map.Entry<String, Long> grade : r.grades().entrySet()) {
      if (!sameLong(grade.getValue(), grades.getValue(grade.getKey()))) {
        return "grades." + grade.getKey() + ": recomputed " + grade.getValue() + ", results.json says " + grades.getValue(grade.getKey());
      }
    }
    if (!(p.getValue("byWeightClass") instanceof JsonObject classes) || !classes.fieldNames().equals(r.byWeightClass().keySet())) {
      return "byWeightClass: must list every weight class of the edition";
    }
    JsonObject expected = ResultsDocument.byWeightClass(r, minCellSize);
    for (var figure : r.byWeightClass().entrySet()) {
      Object q = classes.getValue(figure.getKey());
      boolean suppressed = expected.getJsonObject(figure.getKey()).containsKey("suppressed");
      if (suppressed ? !ResultsDocument.SUPPRESSED.equals(q)
          : !(q instanceof JsonObject f) || !f.fieldNames().equals(Set.of("mean", "votes"))
              || !sameNumber(figure.getValue().mean(), f.getValue("mean")) || !sameLong(figure.getValue().votes(), f.getValue("votes"))) {
        return "byWeightClass." + figure.getKey() + ": recomputed " + (suppressed ? ResultsDocument.SUPPRESSED : figure.getValue())
            + ", results.json says " + q;
      }
    }
    return null;
  }

  static boolean sameLong(long expected, Object published) {
    return published instanceof Number n && sameNumber(BigDecimal.valueOf(expected), n);
  }

  static boolean sameNumber(BigDecimal expected, Object published) {
    if (expected == null || published == null) {
      return expected == null && published == null;
    }
    if (!(published instanceof Number)) {
      return false;
    }
    if (published instanceof Double d && !Double.isFinite(d) || published instanceof Float f && !Float.isFinite(f)) {
      return false;
    }
    return expected.compareTo(new BigDecimal(published.toString())) == 0;
  }
}
