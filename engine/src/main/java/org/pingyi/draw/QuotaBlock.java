package org.pingyi.draw;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.pingyi.edition.Edition;

/**
 * "The edition quotas" of the draw's seed, in one canonical byte form: UTF-8 lines, each ending in "\n", holding
 * everything the draw reads besides the pool and the seed (the year, the quota table, districts, alternate share,
 * rotation rule and adopted relaxations), in the edition's order. Decimals are written plainly without trailing
 * zeros ("0.055", "0.3"). Anyone can rebuild it with printf and hash it with sha256sum; the transcript quotes it.
 */
public record QuotaBlock(String text) {
  static final String FIRST_LINE = "pingyi-draw-quotas-v1";

  public static QuotaBlock of(Edition edition, int year) {
    Edition.Rotation rotation = edition.rotationOrNone();
    StringBuilder b = new StringBuilder();
    line(b, FIRST_LINE);
    line(b, "edition " + edition.id());
    line(b, "year " + year);
    line(b, "alternateShare " + decimal(edition.alternateShare()));
    line(b, "minNewShare " + decimal(rotation.minNewShare()));
    line(b, "maxConsecutiveYears " + (rotation.maxConsecutiveYears() == null ? "none" : rotation.maxConsecutiveYears()));
    line(b, "districts " + edition.districts().stream().map(Edition.District::code).collect(Collectors.joining(",")));
    for (Edition.Category c : edition.categories()) {
      line(b, "category " + c.code() + " " + c.selection().name() + " " + c.quota());
    }
    for (Edition.SeatMove m : edition.drawRelaxationsOrNone().moveSeats()) {
      line(b, "moveSeats " + m.category() + " " + m.from() + " " + m.to() + " " + m.seats());
    }
    for (Edition.NewSeatFloor f : edition.drawRelaxationsOrNone().newSeats()) {
      line(b, "newSeats " + f.category() + " " + f.district() + " " + f.minNewSeats());
    }
    return new QuotaBlock(b.toString());
  }

  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String decimal(BigDecimal value) {
    return value == null || value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static void line(StringBuilder b, String line) {
    b.append(line).append('\n');
  }
}
