package org.pingyi.results;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;

/** results.json as a spreadsheet table: UTF-8 with a byte-order mark so spreadsheet programs show Chinese. */
public final class ResultsCsv {
  /** A small cell, as results.json suppresses it. */
  static final String SUPPRESSED = "suppressed";

  private ResultsCsv() {}

  public static String of(Edition edition, JsonObject document) {
    List<String> header = new ArrayList<>(List.of("rank", "code", "department", "score", "rawMean", "satisfactionRate", "votes"));
    edition.grades().forEach(g -> header.add(g.label()));
    edition.weightClasses().forEach(k -> {
      header.add(k.label() + " mean");
      header.add(k.label() + " votes");
    });
    return Csv.withBom(header, csv -> {
      for (Object item : document.getJsonArray("results")) {
        JsonObject r = (JsonObject) item;
        List<Object> row = new ArrayList<>(List.of(r.getInteger("rank"), r.getJsonObject("department").getString("code"),
            r.getJsonObject("department").getString("name")));
        row.add(decimal(r.getValue("score"), 2));
        row.add(decimal(r.getValue("rawMean"), 2));
        row.add(decimal(r.getValue("satisfactionRate"), 4));
        row.add(r.getLong("votes"));
        edition.grades().forEach(g -> row.add(r.getJsonObject("grades").getLong(g.code(), 0L)));
        edition.weightClasses().forEach(k -> {
          JsonObject figure = r.getJsonObject("byWeightClass").getJsonObject(k.code(), new JsonObject());
          if (figure.getBoolean("suppressed", false)) {
            row.add(SUPPRESSED);
            row.add(SUPPRESSED);
            return;
          }
          row.add(decimal(figure.getValue("mean"), 2));
          row.add(figure.getLong("votes", 0L));
        });
        csv.printRecord(row);
      }
    });
  }

  /** Published figures at their published scale (they are exact at that scale). */
  private static String decimal(Object value, int scale) {
    return value == null ? "" : new java.math.BigDecimal(value.toString()).setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
