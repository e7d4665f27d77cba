package org.pingyi.suggestion;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The loop's figures per lead department as of a moment, for the console, the CSV and the edition report. Every
 * department of the edition has a row (zeros when it led nothing); totals are the rows' sums; unassigned and merged
 * suggestions are counted beside them, so received + unassigned + merged is every suggestion.
 */
public record SuggestionFigures(Instant asOf, List<Row> departments, Row totals, long unassigned, long merged) {

  /**
   * received: led by the department (as it stands); answered: an answer stands (answered, or closed after one);
   * answeredOnTime: that answer came by the due date; overdue: unanswered past the due date; reopened: reopened at
   * least once; satisfied / dissatisfied: the author's latest rating; adopted: the standing answer adopts it.
   */
  public record Row(String code, String name, long received, long answered, long answeredOnTime, long overdue,
      long reopened, long satisfied, long dissatisfied, long adopted) {

    Row plus(Row o) {
      return new Row(code, name, received + o.received, answered + o.answered, answeredOnTime + o.answeredOnTime,
          overdue + o.overdue, reopened + o.reopened, satisfied + o.satisfied, dissatisfied + o.dissatisfied, adopted + o.adopted);
    }

    public JsonObject toJson() {
      JsonObject out = new JsonObject();
      if (code != null) {
        out.put("department", new JsonObject().put("code", code).put("name", name));
      }
      return out.put("received", received).put("answered", answered).put("answeredOnTime", answeredOnTime)
          .put("overdue", overdue).put("reopened", reopened).put("satisfied", satisfied)
          .put("dissatisfied", dissatisfied).put("adopted", adopted);
    }
  }

  public static final List<String> COLUMNS = List.of("received", "answered", "answeredOnTime", "overdue", "reopened",
      "satisfied", "dissatisfied", "adopted");

  /** A department's view: its own row, which is also its total (the office's counts are not its business). */
  public SuggestionFigures only(String department) {
    Row own = departments.stream().filter(r -> r.code().equals(department)).findFirst().orElseThrow();
    return new SuggestionFigures(asOf, List.of(own), new Row(null, null, own.received(), own.answered(), own.answeredOnTime(),
        own.overdue(), own.reopened(), own.satisfied(), own.dissatisfied(), own.adopted()), 0, 0);
  }

  public JsonObject toJson() {
    JsonArray rows = new JsonArray();
    departments.forEach(r -> rows.add(r.toJson()));
    return new JsonObject().put("asOf", asOf.toString()).put("departments", rows).put("totals", totals.toJson())
        .put("unassigned", unassigned).put("merged", merged);
  }
}
