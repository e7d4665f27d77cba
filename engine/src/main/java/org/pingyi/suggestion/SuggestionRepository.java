package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads suggestions and their trails; one {@link #toSuggestion(Row)} for every statement that returns rows. */
public final class SuggestionRepository {
  private final String editionId;

  public SuggestionRepository(String editionId) {
    this.editionId = editionId;
  }

  /** What a queue shows: the filters of GET /api/v1/admin/suggestions and a page of it. */
  public record Query(String scope, SuggestionStatus status, String department, Boolean overdue, String topic,
      Integer limit, int offset) {}

  public record Page(List<Suggestion> items, long total) {}

  public Future<Optional<Suggestion>> find(SqlClient client, long id) {
    return client.preparedQuery(SuggestionSql.FIND).execute(Tuple.of(id, editionId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSuggestion(rows.iterator().next())));
  }

  public Future<List<TrailStep>> trail(SqlClient client, List<Long> ids) {
    return client.preparedQuery(SuggestionSql.TRAIL).execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
      List<TrailStep> steps = new ArrayList<>();
      rows.forEach(r -> steps.add(new TrailStep(r.getLong("suggestion_id"), instant(r, "at"), r.getString("actor"),
          r.getString("action"), SuggestionStatus.valueOf(r.getString("status")), r.getString("department"),
          (JsonObject) r.getValue("detail"))));
      return steps;
    });
  }

  public Future<List<Long>> duplicates(SqlClient client, long id) {
    return client.preparedQuery(SuggestionSql.DUPLICATES).execute(Tuple.of(id)).map(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getLong("id")));
      return ids;
    });
  }

  public Future<Page> list(SqlClient client, Query q, Instant now) {
    Tuple params = Tuple.tuple().addValue(editionId).addValue(at(now))
        .addValue(q.scope()).addValue(q.status() == null ? null : q.status().name()).addValue(q.department())
        .addValue(q.overdue()).addValue(q.topic()).addValue(q.limit()).addValue(q.offset());
    return client.preparedQuery(SuggestionSql.LIST).execute(params).map(rows -> {
      List<Suggestion> items = new ArrayList<>();
      long total = 0;
      for (Row r : rows) {
        items.add(toSuggestion(r));
        total = r.getLong("total");
      }
      return new Page(items, total);
    });
  }

  static Suggestion toSuggestion(Row r) {
    String[] co = r.getArrayOfStrings("co_handlers");
    return new Suggestion(
        r.getLong("id"),
        r.getString("author_role"),
        r.getString("author_id"),
        r.getString("topic"),
        r.getString("department"),
        r.getString("text"),
        SuggestionStatus.valueOf(r.getString("status")),
        r.getString("lead"),
        co == null ? List.of() : List.of(co),
        r.getString("phone") != null,
        instant(r, "created_at"),
        instant(r, "updated_at"),
        instant(r, "assigned_at"),
        instant(r, "due_at"),
        instant(r, "urged_at"),
        instant(r, "overdue_at"),
        r.getString("answer"),
        r.getBoolean("adopted"),
        r.getString("plan"),
        instant(r, "answered_at"),
        r.getBoolean("answered_on_time"),
        r.getInteger("answer_round"),
        r.getBoolean("satisfied"),
        r.getString("feedback_comment"),
        instant(r, "rated_at"),
        r.getInteger("reopen_count"),
        instant(r, "closed_at"),
        r.getLong("merged_into"));
  }

  static Instant instant(Row r, String column) {
    OffsetDateTime value = r.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
