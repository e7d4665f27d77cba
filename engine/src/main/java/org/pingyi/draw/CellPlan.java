package org.pingyi.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.edition.Edition;

/**
 * The draw's cells and how many seats and alternates each gets (docs/draw.md §6–§7): one cell per city-selected
 * category; one per (category, district) for district-selected ones, the quota split as evenly as whole seats allow
 * and the remainder seats placed by the generator; then the edition's seat moves; then the alternates, the edition's
 * share of every cell by largest remainder, ties broken by the generator.
 */
record CellPlan(List<Cell> cells, Map<String, List<String>> remainderDistricts) {
  static final String CITY = "city";

  /** {@code district} is -1 for a city-selected category's cell, whose code is "city". */
  record Cell(int index, int category, int district, String categoryCode, String districtCode, int seats, int minNew,
      int alternates) {
    String name() {
      return categoryCode + "/" + districtCode;
    }
  }

  static CellPlan of(Edition edition, DrawStream stream) {
    return plan(edition, stream);
  }

  /**
   * Before the seed is known: every district of a category with remainder seats gets one of them, so a pool that
   * fills this plan fills whichever districts the generator picks. No alternates.
   */
  static CellPlan worstCase(Edition edition) {
    return plan(edition, null);
  }

  private static CellPlan plan(Edition edition, DrawStream stream) {
    List<Edition.District> districts = edition.districts();
    int d = districts.size();
    List<int[]> shape = new ArrayList<>();          // {category, district, seats}
    Map<String, List<String>> remainders = new LinkedHashMap<>();
    for (int c = 0; c < edition.categories().size(); c++) {
      Edition.Category category = edition.categories().get(c);
      if (category.selection() == Edition.Selection.city) {
        shape.add(new int[] {c, -1, category.quota()});
        continue;
      }
      int base = category.quota() / d;
      int rest = category.quota() % d;
      int[] seats = new int[d];
      Arrays.fill(seats, base);
      if (rest > 0 && stream == null) {
        Arrays.fill(seats, base + 1);
      } else if (rest > 0) {
        int[] order = identity(d);
        stream.sample(order, rest);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < rest; i++) {
          seats[order[i]]++;
          placed.add(districts.get(order[i]).code());
        }
        remainders.put(category.code(), placed);
      }
      for (int k = 0; k < d; k++) {
        shape.add(new int[] {c, k, seats[k]});
      }
    }
    for (Edition.SeatMove move : edition.drawRelaxationsOrNone().moveSeats()) {
      int c = categoryIndex(edition, move.category());
      find(shape, c, districtIndex(edition, move.from()))[2] -= move.seats();
      find(shape, c, districtIndex(edition, move.to()))[2] += move.seats();
    }
    int[] alternates = stream == null ? new int[shape.size()] : alternates(edition.alternateShare(), shape, stream);
    BigDecimal minNewShare = edition.rotationOrNone().minNewShare();
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < shape.size(); i++) {
      int[] s = shape.get(i);
      String categoryCode = edition.categories().get(s[0]).code();
      String districtCode = s[1] < 0 ? CITY : districts.get(s[1]).code();
      int minNew = minNewShare.multiply(BigDecimal.valueOf(s[2])).setScale(0, RoundingMode.CEILING).intValueExact();
      for (Edition.NewSeatFloor floor : edition.drawRelaxationsOrNone().newSeats()) {
        if (floor.category().equals(categoryCode) && floor.district().equals(districtCode)) {
          minNew = Math.min(s[2], floor.minNewSeats());
        }
      }
      cells.add(new Cell(i, s[0], s[1], categoryCode, districtCode, s[2], minNew, alternates[i]));
    }
    return new CellPlan(List.copyOf(cells), remainders);
  }

  /**
   * A = round-half-up(share × all seats); each cell gets floor(share × seats), and the A − Σ floors left over go
   * one each to the cells with the largest fractional parts, ties in the order of a generator shuffle of the cells.
   */
  private static int[] alternates(BigDecimal share, List<int[]> shape, DrawStream stream) {
    int n = shape.size();
    int[] out = new int[n];
    BigDecimal s = share == null ? BigDecimal.ZERO : share;
    long seats = shape.stream().mapToLong(c -> c[2]).sum();
    int total = s.multiply(BigDecimal.valueOf(seats)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    BigDecimal[] fraction = new BigDecimal[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      BigDecimal exact = s.multiply(BigDecimal.valueOf(shape.get(i)[2]));
      out[i] = exact.setScale(0, RoundingMode.FLOOR).intValueExact();
      fraction[i] = exact.subtract(BigDecimal.valueOf(out[i]));
      given += out[i];
    }
    int[] shuffled = identity(n);
    stream.sample(shuffled, n);
    Integer[] order = Arrays.stream(shuffled).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparing((Integer i) -> fraction[i]).reversed());   // stable: ties keep the shuffle
    for (int k = 0; k < total - given; k++) {
      out[order[k]]++;
    }
    return out;
  }

  private static int[] find(List<int[]> shape, int category, int district) {
    return shape.stream().filter(s -> s[0] == category && s[1] == district).findFirst().orElseThrow();
  }

  private static int categoryIndex(Edition edition, String code) {
    for (int i = 0; i < edition.categories().size(); i++) {
      if (edition.categories().get(i).code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown category " + code);
  }

  private static int districtIndex(Edition edition, String code) {
    for (int i = 0; i < edition.districts().size(); i++) {
      if (edition.districts().get(i).code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown district " + code);
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}
