package org.pingyi.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which cells of one breakdown (a department's weight classes, a session's districts …) are published as
 * {@code {"suppressed":true}} instead of figures, so that no breakdown tells how a handful of identifiable people
 * voted. Primary: every cell of 1 to minCellSize − 1 voters (an empty cell tells nothing about anyone and stays).
 * Secondary: the breakdown's total is published next to it, so one suppressed cell could be recovered as the total
 * minus the others; while the suppressed cells are fewer than two or hold fewer than minCellSize voters together,
 * the smallest remaining non-empty cell is suppressed too (ties in the breakdown's own order). A pure function of
 * the counts and the edition, so the sealed results and the verifier's recomputation agree on it exactly.
 */
public final class SmallCells {
  private SmallCells() {}

  /** The keys to suppress, given each cell's number of voters in the breakdown's order. */
  public static <K> Set<K> suppressed(Map<K, Long> voters, int minCellSize) {
    Set<K> suppressed = new LinkedHashSet<>();
    voters.forEach((key, n) -> {
      if (n > 0 && n < minCellSize) {
        suppressed.add(key);
      }
    });
    if (suppressed.isEmpty()) {
      return suppressed;
    }
    List<K> order = new ArrayList<>(voters.keySet());
    List<K> rest = new ArrayList<>(order.stream().filter(k -> voters.get(k) > 0 && !suppressed.contains(k)).toList());
    rest.sort(Comparator.<K>comparingLong(voters::get).thenComparingInt(order::indexOf));
    long together = suppressed.stream().mapToLong(voters::get).sum();
    for (K next : rest) {
      if (suppressed.size() >= 2 && together >= minCellSize) {
        break;
      }
      suppressed.add(next);
      together += voters.get(next);
    }
    return suppressed;
  }
}
