package org.pingyi.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.pingyi.audit.AuditLog;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Moves a session's closing time later by whole minutes, from its current closing time or from now when that has
 * already passed (so "ten more minutes" means ten minutes from the later of the two). Only a scheduled or open
 * session can be extended. The new time, the audit entry and the lock that orders concurrent extensions are one
 * transaction; every instance and phone hears of it once it is committed.
 */
public final class SessionExtension {
  public static final int MAX_MINUTES = 720;

  static final String LOCK = "SELECT state, closes_at FROM sessions WHERE id = $1 FOR UPDATE";
  /** Guarded by state, so a session closed meanwhile is never extended. */
  static final String EXTEND = """
      UPDATE sessions SET closes_at = greatest(closes_at, $2) + make_interval(mins => $3),
                          extended_to = greatest(closes_at, $2) + make_interval(mins => $3)
      WHERE id = $1 AND state IN ('scheduled', 'open')
      RETURNING id, state, state_changed_at, closes_at""";

  private final Pool pool;
  private final SessionEvents events;
  private final Clock clock;

  public SessionExtension(Pool pool, SessionEvents events, Clock clock) {
    this.pool = pool;
    this.events = events;
    this.clock = clock;
  }

  public Future<SessionStatus> extend(String sessionId, int minutes, String actor) {
    Instant now = clock.instant();
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK).execute(Tuple.of(sessionId)).compose(locked -> {
      if (locked.size() == 0) {
        return Future.failedFuture(new ProblemException(ProblemCode.not_found, "No such session."));
      }
      var before = locked.iterator().next();
      return conn.preparedQuery(EXTEND).execute(Tuple.of(sessionId, now.atOffset(ZoneOffset.UTC), minutes)).compose(rows -> {
        if (rows.size() == 0) {
          return Future.failedFuture(new ProblemException(ProblemCode.invalid_transition,
              "Cannot extend a session that is " + before.getString("state") + "."));
        }
        SessionStatus status = SessionRepository.toStatus(rows.iterator().next());
        JsonObject detail = new JsonObject().put("minutes", minutes)
            .put("closesAtBefore", before.getOffsetDateTime("closes_at").toInstant().toString())
            .put("closesAt", status.closesAt().toString());
        return AuditLog.record(conn, actor, "session.extend", sessionId, detail).map(status);
      });
    })).onSuccess(events::changed);
  }
}
