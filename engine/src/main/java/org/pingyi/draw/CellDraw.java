package org.pingyi.draw;

import java.util.Arrays;

/**
 * One cell's draw (docs/draw.md §10) and its exact probabilities (§11). With S seats, a floor of m new seats, Nn new
 * and Nr returning candidates (N = Nn + Nr): when S·Nn ≤ m·N the floor binds and exactly m seats go to new
 * candidates; otherwise the new seats are S·Nn/N, its fractional part settled by one exact chance, so that every
 * candidate of the cell, new or returning, has the same chance S/N. Inside each group the seats are a uniform
 * sample without replacement; the alternates a uniform ordered sample of everyone left.
 */
record CellDraw(CellPlan.Cell cell, int fresh, int returning, int ineligible, int newSeats, boolean floorBinds,
    Fraction expectedNew, int[] activeNew, int[] activeReturning, int[] alternates, int alternatesShort,
    Fraction newActive, Fraction returningActive, Fraction newAlternate, Fraction returningAlternate) {

  static CellDraw draw(CellPlan.Cell cell, Candidates candidates, DrawStream stream) {
    int[] fresh = candidates.group(cell.index(), Standing.fresh);
    int[] back = candidates.group(cell.index(), Standing.returning);
    long nn = fresh.length;
    long nr = back.length;
    long n = nn + nr;
    long s = cell.seats();
    long m = cell.minNew();
    boolean floorBinds = s * nn <= m * n;
    int k;
    Fraction expected;
    if (floorBinds) {
      k = (int) m;
      expected = Fraction.of(m, 1);
    } else {
      long whole = s * nn / n;
      long part = s * nn % n;
      k = (int) whole + (part > 0 && stream.chance(part, n) ? 1 : 0);
      expected = Fraction.of(s * nn, n);
    }
    stream.sample(fresh, k);
    stream.sample(back, (int) s - k);
    int[] rest = new int[(int) (n - s)];
    System.arraycopy(fresh, k, rest, 0, fresh.length - k);
    System.arraycopy(back, (int) s - k, rest, fresh.length - k, back.length - ((int) s - k));
    int alternates = Math.min(cell.alternates(), rest.length);
    stream.sample(rest, alternates);

    Fraction newActive = nn == 0 ? Fraction.ZERO : floorBinds ? Fraction.of(m, nn) : Fraction.of(s, n);
    Fraction returningActive = nr == 0 ? Fraction.ZERO : floorBinds ? Fraction.of(s - m, nr) : Fraction.of(s, n);
    Fraction perLeft = n > s ? Fraction.of(alternates, n - s) : Fraction.ZERO;
    return new CellDraw(cell, fresh.length, back.length, candidates.size(cell.index(), Standing.ineligible), k,
        floorBinds, expected, Arrays.copyOf(fresh, k), Arrays.copyOf(back, (int) s - k), Arrays.copyOf(rest, alternates),
        cell.alternates() - alternates, newActive, returningActive,
        nn == 0 ? Fraction.ZERO : newActive.oneMinus().times(perLeft),
        nr == 0 ? Fraction.ZERO : returningActive.oneMinus().times(perLeft));
  }
}
