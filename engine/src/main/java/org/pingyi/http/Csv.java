package org.pingyi.http;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV downloads: RFC 4180 by Commons CSV, UTF-8 with a byte-order mark so spreadsheet programs show Chinese. */
public final class Csv {
  @FunctionalInterface
  public interface Rows {
    void print(CSVPrinter csv) throws IOException;
  }

  private Csv() {}

  public static String withBom(List<String> header, Rows rows) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
      rows.print(csv);
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
