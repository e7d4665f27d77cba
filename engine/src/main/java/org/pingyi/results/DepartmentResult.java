package org.pingyi.results;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One department's published figures. {@code score}, {@code rawMean} and {@code satisfactionRate} are null when
 * nobody scored it; {@code grades} and {@code byWeightClass} list every grade and class of the edition in order.
 */
public record DepartmentResult(
    int rank,
    String code,
    BigDecimal score,
    BigDecimal rawMean,
    BigDecimal satisfactionRate,
    long votes,
    Map<String, Long> grades,
    Map<String, ClassFigure> byWeightClass) {

  /** A weight class's mean (2 decimals, null without votes) and its number of votes. */
  public record ClassFigure(BigDecimal mean, long votes) {}

  DepartmentResult withRank(int value) {
    return new DepartmentResult(value, code, score, rawMean, satisfactionRate, votes, grades, byWeightClass);
  }
}
