package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.edition.Edition;

/** Computes {@link SuggestionFigures} from PostgreSQL: the one place the loop's figures are defined. */
public final class SuggestionStats {
  private final Edition edition;
  private final Pool pool;

  public SuggestionStats(Edition edition, Pool pool) {
    this.edition = edition;
    this.pool = pool;
  }

  /** The figures as of {@code asOf} (overdue is judged against it), every department in the edition's order. */
  public Future<SuggestionFigures> compute(Instant asOf) {
    Future<Map<String, SuggestionFigures.Row>> byLead = pool.preparedQuery(SuggestionSql.STATS)
        .execute(Tuple.of(edition.id(), SuggestionRepository.at(asOf))).map(rows -> {
          Map<String, SuggestionFigures.Row> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getString("lead"), new SuggestionFigures.Row(r.getString("lead"), null,
              r.getLong("received"), r.getLong("answered"), r.getLong("answered_on_time"), r.getLong("overdue"),
              r.getLong("reopened"), r.getLong("satisfied"), r.getLong("dissatisfied"), r.getLong("adopted"))));
          return out;
        });
    Future<long[]> outside = pool.preparedQuery(SuggestionSql.UNASSIGNED_AND_MERGED).execute(Tuple.of(edition.id()))
        .map(rows -> {
          var r = rows.iterator().next();
          return new long[] {r.getLong("unassigned"), r.getLong("merged")};
        });
    return Future.all(byLead, outside).map(v -> {
      List<SuggestionFigures.Row> rows = new ArrayList<>();
      SuggestionFigures.Row totals = new SuggestionFigures.Row(null, null, 0, 0, 0, 0, 0, 0, 0, 0);
      for (Edition.Department d : edition.departments()) {
        SuggestionFigures.Row found = byLead.result().get(d.code());
        SuggestionFigures.Row row = found == null
            ? new SuggestionFigures.Row(d.code(), d.name(), 0, 0, 0, 0, 0, 0, 0, 0)
            : new SuggestionFigures.Row(d.code(), d.name(), found.received(), found.answered(), found.answeredOnTime(),
                found.overdue(), found.reopened(), found.satisfied(), found.dissatisfied(), found.adopted());
        rows.add(row);
        totals = totals.plus(row);
      }
      return new SuggestionFigures(asOf, List.copyOf(rows), totals, outside.result()[0], outside.result()[1]);
    });
  }
}
