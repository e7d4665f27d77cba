package org.pingyi.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import org.pingyi.audit.AuditLog;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.pingyi.results.SessionSeal;

/**
 * Moves sessions forward: {@code scheduled → open → closed → sealed → published}, nothing else. The UPDATE names
 * the state it leaves, so two operators (or two engine instances) racing on the same step cannot both win. Sealing
 * computes and stores the results, and every step writes its audit entry, in the same transaction; the change is
 * announced to every instance once it is committed.
 */
public final class SessionLifecycle {
  static final String TRANSITION = """
      UPDATE sessions SET state = $2, state_changed_at = now()
      WHERE id = $1 AND state = $3
      RETURNING id, state, state_changed_at, closes_at""";

  /** action → (from, to) */
  private static final Map<String, SessionState[]> STEPS = Map.of(
      "open", new SessionState[] {SessionState.scheduled, SessionState.open},
      "close", new SessionState[] {SessionState.open, SessionState.closed},
      "seal", new SessionState[] {SessionState.closed, SessionState.sealed},
      "publish", new SessionState[] {SessionState.sealed, SessionState.published});

  private final Pool pool;
  private final SessionRepository sessions;
  private final SessionSeal seal;
  private final SessionEvents events;

  public SessionLifecycle(Pool pool, SessionRepository sessions, SessionSeal seal, SessionEvents events) {
    this.pool = pool;
    this.sessions = sessions;
    this.seal = seal;
    this.events = events;
  }

  public static boolean knows(String action) {
    return STEPS.containsKey(action);
  }

  public Future<SessionStatus> apply(String sessionId, String action, String actor) {
    SessionState[] step = STEPS.get(action);
    if (step == null) {
      return Future.failedFuture(new ProblemException(ProblemCode.not_found, "No such session action."));
    }
    return pool.withTransaction(conn -> conn.preparedQuery(TRANSITION)
        .execute(Tuple.of(sessionId, step[1].name(), step[0].name()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return refusal(conn, sessionId, action);
          }
          var row = rows.iterator().next();
          SessionStatus status = SessionRepository.toStatus(row);
          JsonObject detail = new JsonObject().put("from", step[0].name()).put("to", step[1].name());
          Future<Void> work = step[1] == SessionState.sealed
              ? seal.seal(conn, sessionId).map(document -> {
                  detail.put("ballots", document.getLong("ballots")).put("chainRoot", document.getString("chainRoot"));
                  return null;
                })
              : Future.succeededFuture();
          return work.compose(v -> AuditLog.record(conn, actor, "session." + action, sessionId, detail)).map(status);
        }))
        .onSuccess(events::changed);
  }

  /** Reads the state on the transaction's own connection: a second one could wait on a pool this one holds. */
  private Future<SessionStatus> refusal(SqlConnection conn, String sessionId, String action) {
    return sessions.find(conn, sessionId).compose(current -> Future.failedFuture(current.isEmpty()
        ? new ProblemException(ProblemCode.not_found, "No such session.")
        : new ProblemException(ProblemCode.invalid_transition,
            "Cannot " + action + " a session that is " + current.get().state() + ".")));
  }
}
