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
 * the state it leaves, so two operators (or two engine instances) racing on the same step cannot both win. Opening
 * fixes the electorate (the first open locks it), sealing computes, stores and signs the results, publishing signs
 * them as published, and every step writes its audit entry, all in the step's own transaction; the change is
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
  private final OpeningStep opening;

  /** What else an open does in its transaction (the roster's lock). */
  @FunctionalInterface
  public interface OpeningStep {
    Future<Void> opening(SqlConnection conn, String sessionId, String actor);
  }

  public SessionLifecycle(Pool pool, SessionRepository sessions, SessionSeal seal, SessionEvents events, OpeningStep opening) {
    this.pool = pool;
    this.sessions = sessions;
    this.seal = seal;
    this.events = events;
    this.opening = opening;
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
          Future<Void> work = switch (step[1]) {
            case open -> opening.opening(conn, sessionId, actor);
            case sealed -> seal.seal(conn, sessionId).map(document -> {
              detail.put("ballots", document.getLong("ballots")).put("chainRoot", document.getString("chainRoot"))
                  .put("keyId", document.getString("keyId"));
              return null;
            });
            case published -> seal.signPublished(conn, sessionId);
            default -> Future.succeededFuture();
          };
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
