package org.pingyi.roster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.pingyi.edition.Edition;

/**
 * Draws a synthetic roster true to the edition's quota table: {@code size} active representatives split over the
 * categories in proportion to their quotas (largest remainder), the district-selected ones evenly over the
 * districts, the city-selected ones placed by residence at random, plus the edition's share of alternates among
 * the district-selected categories. Names and phones are plainly fake; the same seed gives the same roster.
 */
public final class RosterGenerator {

  private RosterGenerator() {}

  public static List<RosterEntry> generate(Edition edition, int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1");
    }
    Random random = new Random(seed);
    List<Edition.Category> categories = edition.categories();
    List<Edition.District> districts = edition.districts();
    int[] active = apportion(categories.stream().mapToLong(Edition.Category::quota).toArray(), size);

    BigDecimal share = edition.alternateShare() == null ? BigDecimal.ZERO : edition.alternateShare();
    int alternates = share.multiply(BigDecimal.valueOf(size)).setScale(0, RoundingMode.HALF_UP).intValue();
    long[] districtQuotas = categories.stream()
        .mapToLong(c -> c.selection() == Edition.Selection.district ? c.quota() : 0).toArray();
    int[] spare = apportion(districtQuotas, alternates);

    List<RosterEntry> drafts = new ArrayList<>();
    for (int c = 0; c < categories.size(); c++) {
      Edition.Category category = categories.get(c);
      addPeople(drafts, category, active[c], RosterEntry.Status.active, districts, c, random);
      addPeople(drafts, category, spare[c], RosterEntry.Status.alternate, districts, c + 1, random);
    }
    Collections.shuffle(drafts, random);
    int width = Math.max(6, String.valueOf(drafts.size()).length());
    List<RosterEntry> roster = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      RosterEntry d = drafts.get(i);
      String number = String.format("%0" + width + "d", i + 1);
      roster.add(new RosterEntry("R" + number, "演示代表" + number, fakePhone(i + 1), d.district(), d.category(),
          d.status(), subject(random)));
    }
    return roster;
  }

  private static void addPeople(List<RosterEntry> out, Edition.Category category, int count,
      RosterEntry.Status status, List<Edition.District> districts, int rotation, Random random) {
    if (category.selection() == Edition.Selection.district) {
      long[] even = new long[districts.size()];
      java.util.Arrays.fill(even, 1);
      int[] perDistrict = apportion(even, count);
      for (int d = 0; d < districts.size(); d++) {
        // Rotate so the remainders of the small categories do not all land in the first districts.
        String district = districts.get((d + rotation) % districts.size()).code();
        for (int k = 0; k < perDistrict[d]; k++) {
          out.add(new RosterEntry("", "", "", district, category.code(), status, ""));
        }
      }
    } else {
      for (int k = 0; k < count; k++) {
        String district = districts.get(random.nextInt(districts.size())).code();
        out.add(new RosterEntry("", "", "", district, category.code(), status, ""));
      }
    }
  }

  /** Splits {@code total} in proportion to {@code weights} by the largest-remainder method; exact sum. */
  static int[] apportion(long[] weights, int total) {
    long sum = 0;
    for (long w : weights) {
      sum += w;
    }
    int[] out = new int[weights.length];
    if (sum == 0 || total == 0) {
      return out;
    }
    long[] remainders = new long[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      long exact = weights[i] * total;
      out[i] = (int) (exact / sum);
      remainders[i] = exact % sum;
      given += out[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
    for (int k = 0; given < total; k++, given++) {
      out[order.get(k % order.size())]++;
    }
    return out;
  }

  /** 11 digits starting with 100: shaped like a mainland mobile number, but no carrier issues that prefix. */
  private static String fakePhone(int n) {
    return String.format("100%08d", n);
  }

  private static String subject(Random random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return "face-" + HexFormat.of().formatHex(bytes);
  }
}
