package org.pingyi.roster;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.pingyi.audit.AuditLog;

/**
 * The one change a locked electorate allows: a representative withdraws, and when they were active the first
 * alternate of the same (category, district) cell in draw order takes the seat (else of the same category). One
 * transaction under the roster lock: the withdrawal, the promotion, an audit entry for each row, and (once locked)
 * the next version of the commitment.
 */
public final class Withdrawals {
  private final Pool pool;
  private final Electorate electorate;

  public Withdrawals(Pool pool, Electorate electorate) {
    this.pool = pool;
    this.electorate = electorate;
  }

  public Future<WithdrawalOutcome> withdraw(String id, String reason, String actor) {
    return pool.withTransaction(conn -> conn.query(RosterSql.LOCK).execute()
        .compose(v -> conn.preparedQuery(RosterSql.WITHDRAW).execute(Tuple.of(id)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return conn.preparedQuery(RosterSql.STATUS).execute(Tuple.of(id)).map(found -> found.size() == 0
                ? new WithdrawalOutcome.Unknown() : new WithdrawalOutcome.AlreadyWithdrawn());
          }
          var row = rows.iterator().next();
          String before = row.getString("status");
          String subject = row.getString("subject");
          Future<Row> promoted = "active".equals(before)
              ? conn.preparedQuery(RosterSql.PROMOTE).execute(Tuple.of(row.getString("category"), row.getString("district")))
                  .map(p -> p.size() == 0 ? null : p.iterator().next())
              : Future.succeededFuture(null);
          return promoted.compose(next -> record(conn, id, subject, before, next, reason, actor)
              .compose(v -> electorate.locked(conn))
              .compose(locked -> locked ? electorate.publish(conn, "withdrawal", actor).mapEmpty() : Future.<Void>succeededFuture())
              .map(v -> new WithdrawalOutcome.Withdrawn(id, next == null ? null : next.getString("id"))));
        }));
  }

  private Future<Void> record(SqlConnection conn, String id, String subject, String before, Row promoted, String reason,
      String actor) {
    String promotedId = promoted == null ? null : promoted.getString("id");
    Future<Void> withdrawn = AuditLog.record(conn, actor, "roster.withdraw", id,
        RowChange.status(id, before, "withdrawn", subject).put("reason", reason).put("promoted", promotedId));
    if (promoted == null) {
      return withdrawn;
    }
    return withdrawn.compose(v -> AuditLog.record(conn, actor, "roster.promote", promotedId,
        RowChange.status(promotedId, "alternate", "active", promoted.getString("subject")).put("replaces", id)));
  }
}
