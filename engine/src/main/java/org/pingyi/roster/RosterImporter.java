package org.pingyi.roster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.audit.AuditLog;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Writes a checked roster in one transaction: every row or none. Rows are upserted by id in batches of unnest()
 * arrays; a subject that already belongs to another representative refuses the whole file.
 */
public final class RosterImporter {
  static final int BATCH = 5_000;
  static final String LOCK = "LOCK TABLE representatives IN SHARE ROW EXCLUSIVE MODE";
  static final String SUBJECTS_TAKEN = """
      SELECT r.id, s.line FROM representatives r
      JOIN unnest($1::text[], $2::text[], $3::int[]) AS s(id, subject, line) ON r.subject = s.subject
      WHERE r.id <> s.id""";
  static final String COUNT_EXISTING = "SELECT count(*) FROM representatives WHERE id = ANY($1::text[])";
  static final String UPSERT = """
      INSERT INTO representatives (id, name, phone, district, category, weight_class, status, subject)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, district = EXCLUDED.district,
        category = EXCLUDED.category, weight_class = EXCLUDED.weight_class, status = EXCLUDED.status,
        subject = EXCLUDED.subject, updated_at = now()""";
  static final String COUNT_ALL = "SELECT count(*) FROM representatives";

  public record Outcome(int imported, int updated) {
    public JsonObject toJson() {
      return new JsonObject().put("imported", imported).put("updated", updated);
    }
  }

  private final Pool pool;
  private final Edition edition;

  public RosterImporter(Pool pool, Edition edition) {
    this.pool = pool;
    this.edition = edition;
  }

  public Future<Long> count() {
    return pool.query(COUNT_ALL).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Outcome> apply(List<RosterEntry> entries, String actor) {
    return pool.withTransaction(conn -> conn.query(LOCK).execute()
        .compose(v -> refuseTakenSubjects(conn, entries))
        .compose(v -> conn.preparedQuery(COUNT_EXISTING).execute(Tuple.tuple().addArrayOfString(ids(entries))))
        .compose(rows -> {
          int existing = rows.iterator().next().getLong(0).intValue();
          return upsertAll(conn, entries).map(v -> new Outcome(entries.size() - existing, existing));
        })
        .compose(outcome -> AuditLog.record(conn, actor, "roster.import", "roster",
                new JsonObject().put("imported", outcome.imported()).put("updated", outcome.updated()))
            .map(outcome)))
        .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? Future.failedFuture(new ProblemException(ProblemCode.invalid_roster,
                "The roster swaps subjects between representatives; import it in two steps.", List.of()))
            : Future.failedFuture(e));
  }

  private Future<Void> refuseTakenSubjects(SqlConnection conn, List<RosterEntry> entries) {
    String[] ids = ids(entries);
    String[] subjects = entries.stream().map(RosterEntry::subject).toArray(String[]::new);
    Integer[] lines = new Integer[entries.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = i + 2;
    }
    return conn.preparedQuery(SUBJECTS_TAKEN)
        .execute(Tuple.tuple().addArrayOfString(ids).addArrayOfString(subjects).addArrayOfInteger(lines)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      List<FieldError> errors = new ArrayList<>();
      rows.forEach(row -> errors.add(new FieldError("line " + row.getInteger("line"),
          "subject already belongs to representative " + row.getString("id"))));
      return Future.failedFuture(new ProblemException(ProblemCode.invalid_roster,
          errors.size() + " line(s) are not acceptable; nothing was imported.", errors));
    });
  }

  private Future<Void> upsertAll(SqlConnection conn, List<RosterEntry> entries) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < entries.size(); from += BATCH) {
      List<RosterEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
      chain = chain.compose(v -> conn.preparedQuery(UPSERT).execute(columns(batch)).mapEmpty());
    }
    return chain;
  }

  private Tuple columns(List<RosterEntry> batch) {
    int n = batch.size();
    String[][] c = new String[8][n];
    for (int i = 0; i < n; i++) {
      RosterEntry e = batch.get(i);
      c[0][i] = e.id();
      c[1][i] = e.name();
      c[2][i] = e.phone();
      c[3][i] = e.district();
      c[4][i] = e.category();
      c[5][i] = edition.category(e.category()).orElseThrow().weightClass();
      c[6][i] = e.status().name();
      c[7][i] = e.subject();
    }
    Tuple tuple = Tuple.tuple();
    for (String[] column : c) {
      tuple.addArrayOfString(column);
    }
    return tuple;
  }

  private static String[] ids(List<RosterEntry> entries) {
    return entries.stream().map(RosterEntry::id).toArray(String[]::new);
  }
}
