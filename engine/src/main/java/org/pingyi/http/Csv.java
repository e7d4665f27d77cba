package org.pingyi.http;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV the engine writes: RFC 4180 by Commons CSV, downloads in UTF-8 with a byte-order mark so spreadsheet programs
 * show Chinese. Every text cell is neutralised as API.md says: one that begins with {@code = + - @}, tab or CR
 * (which a spreadsheet would run as a formula, e.g. a suggestion {@code =HYPERLINK(…)}) is prefixed with {@code '}.
 * Numbers are written as they are. {@link #restore} takes the prefix off again for files the engine reads back.
 */
public final class Csv {
  private static final String FORMULA_STARTS = "=+-@\t\r";

  @FunctionalInterface
  public interface Rows {
    void print(Printer csv) throws IOException;
  }

  /** Prints records with every text cell neutralised. */
  public static final class Printer {
    private final CSVPrinter csv;

    public Printer(CSVPrinter csv) {
      this.csv = csv;
    }

    public void printRecord(Object... values) throws IOException {
      csv.printRecord(Arrays.stream(values).map(Csv::cell).toArray());
    }

    public void printRecord(Iterable<?> values) throws IOException {
      List<Object> cells = new ArrayList<>();
      values.forEach(v -> cells.add(cell(v)));
      csv.printRecord(cells);
    }
  }

  private Csv() {}

  /** A cell as written: text that a spreadsheet would take for a formula gets a leading {@code '}. */
  public static Object cell(Object value) {
    if (value instanceof CharSequence text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return value;
  }

  /** A cell as read back: exactly the prefix {@link #cell} adds is taken off; any other {@code '} stays. */
  public static String restore(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
  }

  public static String withBom(List<String> header, Rows rows) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    String[] cells = header.stream().map(h -> String.valueOf(cell(h))).toArray(String[]::new);
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(cells).get())) {
      rows.print(new Printer(csv));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Answers a CSV download; exports carry names or embargoed figures, so no cache keeps them. */
  public static void send(RoutingContext ctx, String filename, String csv) {
    ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .putHeader("Cache-Control", "no-store")
        .end(csv);
  }
}
