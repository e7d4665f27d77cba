package org.pingyi.roster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.audit.AuditLog;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Writes a checked roster in one transaction: every row or none, and none once the electorate is locked. Rows are
 * upserted by id in batches of unnest() arrays; a subject that already belongs to another representative refuses the
 * whole file. Each alternate keeps its place in the file among the alternates of its (category, district) cell: the
 * draw order in which withdrawals promote them. Every changed row gets an audit entry of its own ({@link RowChange}).
 */
public final class RosterImporter {
  static final int BATCH = 5_000;
  /** The UPSERT's columns, in the order of its unnest() arrays. */
  static final List<String> COLUMNS = List.of("id", "name", "phone", "district", "category", "weight_class", "status",
      "subject", "draw_position");

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
    return pool.query(RosterSql.COUNT_ALL).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Outcome> apply(List<RosterEntry> entries, String actor) {
    return pool.withTransaction(conn -> conn.query(RosterSql.LOCK).execute()
        .compose(v -> refuseWhenLocked(conn))
        .compose(v -> refuseTakenSubjects(conn, entries))
        .compose(v -> existing(conn, entries))
        .compose(existing -> upsertAll(conn, entries)
            .compose(v -> auditRows(conn, actor, entries, existing))
            .map(v -> new Outcome(entries.size() - existing.size(), existing.size())))
        .compose(outcome -> AuditLog.record(conn, actor, "roster.import", "roster",
                new JsonObject().put("imported", outcome.imported()).put("updated", outcome.updated()))
            .map(outcome)))
        .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? Future.failedFuture(new ProblemException(ProblemCode.invalid_roster,
                "The roster swaps subjects between representatives; import it in two steps.", List.of()))
            : Future.failedFuture(e));
  }

  private Future<Void> refuseWhenLocked(SqlConnection conn) {
    return conn.preparedQuery(RosterSql.LOCKED).execute(Tuple.of(edition.id())).compose(rows -> rows.size() == 0
        ? Future.succeededFuture()
        : Future.failedFuture(new ProblemException(ProblemCode.roster_locked,
            "The electorate is locked; the only change left is a withdrawal (POST /api/v1/admin/representatives/{id}/withdraw).")));
  }

  private Future<Void> refuseTakenSubjects(SqlConnection conn, List<RosterEntry> entries) {
    String[] ids = ids(entries);
    String[] subjects = entries.stream().map(RosterEntry::subject).toArray(String[]::new);
    Integer[] lines = new Integer[entries.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = i + 2;
    }
    return conn.preparedQuery(RosterSql.SUBJECTS_TAKEN)
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

  private Future<Map<String, RowChange.StoredRow>> existing(SqlConnection conn, List<RosterEntry> entries) {
    Map<String, RowChange.StoredRow> stored = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < entries.size(); from += BATCH) {
      List<RosterEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
      chain = chain.compose(v -> conn.preparedQuery(RosterSql.EXISTING).execute(Tuple.of(ids(batch))).map(rows -> {
        for (Row r : rows) {
          stored.put(r.getString("id"), new RowChange.StoredRow(r.getString("name"), r.getString("phone"),
              r.getString("district"), r.getString("category"), r.getString("status"), r.getString("subject")));
        }
        return null;
      }));
    }
    return chain.map(stored);
  }

  private Future<Void> upsertAll(SqlConnection conn, List<RosterEntry> entries) {
    Integer[] positions = drawPositions(entries);
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < entries.size(); from += BATCH) {
      int start = from;
      List<RosterEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
      chain = chain.compose(v -> conn.preparedQuery(RosterSql.UPSERT).execute(columns(batch, positions, start)).mapEmpty());
    }
    return chain;
  }

  /** 1, 2, 3 … for the alternates of each (category, district) cell in file order; null for everyone else. */
  static Integer[] drawPositions(List<RosterEntry> entries) {
    Integer[] positions = new Integer[entries.size()];
    Map<String, Integer> cells = new HashMap<>();
    for (int i = 0; i < positions.length; i++) {
      RosterEntry e = entries.get(i);
      if (e.status() == RosterEntry.Status.alternate) {
        positions[i] = cells.merge(e.category() + "\n" + e.district(), 1, Integer::sum);
      }
    }
    return positions;
  }

  private Future<Void> auditRows(SqlConnection conn, String actor, List<RosterEntry> entries,
      Map<String, RowChange.StoredRow> existing) {
    List<String> targets = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (RosterEntry e : entries) {
      JsonObject change = RowChange.of(e, existing.get(e.id()));
      if (change != null) {
        targets.add(e.id());
        details.add(change.encode());
      }
    }
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < targets.size(); from += BATCH) {
      int to = Math.min(targets.size(), from + BATCH);
      Tuple tuple = Tuple.of(actor, "roster.row").addArrayOfString(targets.subList(from, to).toArray(String[]::new))
          .addArrayOfString(details.subList(from, to).toArray(String[]::new));
      chain = chain.compose(v -> conn.preparedQuery(RosterSql.AUDIT_ROWS).execute(tuple).mapEmpty());
    }
    return chain;
  }

  private Tuple columns(List<RosterEntry> batch, Integer[] positions, int offset) {
    int n = batch.size();
    String[][] c = new String[8][n];
    Integer[] draw = new Integer[n];
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
      draw[i] = positions[offset + i];
    }
    Tuple tuple = Tuple.tuple();
    for (String[] column : c) {
      tuple.addArrayOfString(column);
    }
    return tuple.addArrayOfInteger(draw);
  }

  private static String[] ids(List<RosterEntry> entries) {
    return entries.stream().map(RosterEntry::id).toArray(String[]::new);
  }
}
