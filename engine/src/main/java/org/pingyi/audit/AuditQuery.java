package org.pingyi.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads the audit log newest first, a page at a time (keyset on the id, so a page never shifts as entries arrive),
 * with optional filters: action and actor by prefix ("session." finds every session step), target exactly, and a
 * time range [from, to). Details pass through {@link AuditRedaction} before they leave.
 */
public final class AuditQuery {
  static final String PAGE = """
      SELECT id, at, actor, action, target, detail FROM audit_log
      WHERE ($1::text IS NULL OR starts_with(action, $1))
        AND ($2::text IS NULL OR starts_with(actor, $2))
        AND ($3::text IS NULL OR target = $3)
        AND ($4::timestamptz IS NULL OR at >= $4)
        AND ($5::timestamptz IS NULL OR at < $5)
        AND ($6::bigint IS NULL OR id < $6)
      ORDER BY id DESC
      LIMIT $7""";

  public record Filter(String action, String actor, String target, Instant from, Instant to, Long before, int limit) {}

  private final Pool pool;

  public AuditQuery(Pool pool) {
    this.pool = pool;
  }

  /** {"entries":[{"id","at","actor","action","target","detail"}],"next"}: next is the "before" of the next page, or null. */
  public Future<JsonObject> page(Filter f) {
    Tuple params = Tuple.tuple()
        .addString(f.action()).addString(f.actor()).addString(f.target())
        .addOffsetDateTime(f.from() == null ? null : f.from().atOffset(ZoneOffset.UTC))
        .addOffsetDateTime(f.to() == null ? null : f.to().atOffset(ZoneOffset.UTC))
        .addLong(f.before())
        .addInteger(f.limit() + 1);
    return pool.preparedQuery(PAGE).execute(params).map(rows -> {
      JsonArray entries = new JsonArray();
      Long next = null;
      for (Row row : rows) {
        if (entries.size() == f.limit()) {
          next = entries.getJsonObject(entries.size() - 1).getLong("id");
          break;
        }
        entries.add(toJson(row));
      }
      return new JsonObject().put("entries", entries).put("next", next == null ? null : String.valueOf(next));
    });
  }

  private static JsonObject toJson(Row row) {
    Object detail = row.getValue("detail");
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("at", row.getOffsetDateTime("at").toInstant().toString())
        .put("actor", row.getString("actor"))
        .put("action", row.getString("action"))
        .put("target", row.getString("target"))
        .put("detail", AuditRedaction.redact(detail instanceof JsonObject o ? o : new JsonObject()));
  }
}
