package org.pingyi.draw;

import java.util.Set;

/**
 * Where a pooled person stands under the rotation rule for the draw's year Y: {@code fresh} (did not serve in Y−1,
 * "new" in the transcript), {@code returning} (served Y−1 and fewer than maxConsecutiveYears years in a row up to
 * it), or {@code ineligible} (serving in Y would make more than maxConsecutiveYears years in a row).
 */
public enum Standing {
  fresh("new"), returning("returning"), ineligible("ineligible");

  /** The word the transcript and the README use. */
  public final String word;

  Standing(String word) {
    this.word = word;
  }

  /** {@code maxConsecutiveYears} null: no limit. */
  static Standing of(Set<Integer> servedYears, int year, Integer maxConsecutiveYears) {
    int run = 0;
    while (servedYears.contains(year - 1 - run)) {
      run++;
    }
    if (run == 0) {
      return fresh;
    }
    return maxConsecutiveYears == null || run < maxConsecutiveYears ? returning : ineligible;
  }
}
