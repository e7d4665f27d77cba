package org.pingyi.draw;

import java.util.Arrays;
import java.util.List;

/**
 * Each cell's pooled people, split by standing, each group in pool-file order (docs/draw.md §8): the arrays the
 * draw shuffles. A city-selected category's cell holds the category's people of every district.
 */
final class Candidates {
  /** groups[cell][standing] = person indices. */
  private final int[][][] groups;

  private Candidates(int[][][] groups) {
    this.groups = groups;
  }

  static Candidates of(Pool pool, CellPlan plan, int categories, int districts) {
    int[][] cellOf = new int[categories][districts];
    for (CellPlan.Cell cell : plan.cells()) {
      if (cell.district() < 0) {
        Arrays.fill(cellOf[cell.category()], cell.index());
      } else {
        cellOf[cell.category()][cell.district()] = cell.index();
      }
    }
    int standings = Standing.values().length;
    List<CellPlan.Cell> cells = plan.cells();
    int[][] counts = new int[cells.size()][standings];
    for (int p = 0; p < pool.size; p++) {
      counts[cellOf[pool.category[p]][pool.district[p]]][pool.standing[p]]++;
    }
    int[][][] groups = new int[cells.size()][standings][];
    for (int c = 0; c < cells.size(); c++) {
      for (int s = 0; s < standings; s++) {
        groups[c][s] = new int[counts[c][s]];
        counts[c][s] = 0;
      }
    }
    for (int p = 0; p < pool.size; p++) {
      int c = cellOf[pool.category[p]][pool.district[p]];
      int s = pool.standing[p];
      groups[c][s][counts[c][s]++] = p;
    }
    return new Candidates(groups);
  }

  /** The group itself (the draw shuffles it in place). */
  int[] group(int cell, Standing standing) {
    return groups[cell][standing.ordinal()];
  }

  int size(int cell, Standing standing) {
    return groups[cell][standing.ordinal()].length;
  }

  /** People who may be drawn: new and returning. */
  int eligible(int cell) {
    return size(cell, Standing.fresh) + size(cell, Standing.returning);
  }
}
