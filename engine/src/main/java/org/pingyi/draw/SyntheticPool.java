package org.pingyi.draw;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;

/**
 * A plainly fake pool for demonstrations, tests and benchmarks: {@code size} people spread over the categories in
 * proportion to their quotas and evenly over the districts, from every source, a quarter of them having served the
 * year before (some for two or three years running, so the rotation rule has work to do). Names are 演示候选人…,
 * phones start with 100 (no carrier issues it), subjects are random. Same arguments, same file.
 */
public final class SyntheticPool {
  private SyntheticPool() {}

  public static void write(Edition edition, int size, int year, long seed, OutputStream out) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    var categories = edition.categories();
    long quotaSum = categories.stream().mapToLong(Edition.Category::quota).sum();
    int districts = edition.districts().size();
    int width = Math.max(7, String.valueOf(size).length());
    byte[] subject = new byte[16];
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer, DrawnRoster.OUT);
    Csv.Printer csv = new Csv.Printer(printer);  // neutralised like every CSV the engine writes
    csv.printRecord(PoolCsv.HEADER);
    long cumulative = 0;
    int person = 0;
    for (int c = 0; c < categories.size(); c++) {
      Edition.Category category = categories.get(c);
      cumulative += category.quota();
      int until = (int) (cumulative * size / Math.max(1, quotaSum));
      for (int k = 0; person < until; k++, person++) {
        String number = String.format("%0" + width + "d", person + 1);
        String district = edition.districts().get(category.selection() == Edition.Selection.district
            ? k % districts : random.nextInt(districts)).code();
        String source = "volunteer".equals(category.code()) ? "volunteer"
            : random.nextInt(10) < 6 ? "random" : random.nextInt(4) < 3 ? "recommended" : "volunteer";
        random.nextBytes(subject);
        csv.printRecord("P" + number, "演示候选人" + number, String.format("100%08d", person + 1), district,
            category.code(), source, "face-" + HexFormat.of().formatHex(subject), servedYears(random, year));
      }
    }
    printer.flush();
  }

  /** 75 % never served or not last year; of the rest half one year running, 30 % two, 20 % three. */
  private static String servedYears(SplittableRandom random, int year) {
    int roll = random.nextInt(100);
    if (roll < 60) {
      return "";
    }
    if (roll < 75) {
      return String.valueOf(year - 2 - random.nextInt(3));
    }
    int run = roll < 88 ? 1 : roll < 96 ? 2 : 3;
    StringBuilder years = new StringBuilder();
    for (int y = year - run; y < year; y++) {
      years.append(years.length() == 0 ? "" : ";").append(y);
    }
    return years.toString();
  }
}
