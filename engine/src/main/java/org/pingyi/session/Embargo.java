package org.pingyi.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.Admin;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * The embargo of API.md: until a session is published only an auditor sees its rankings or results (the edition
 * report: until every session is), and every such read goes into the audit log.
 */
public final class Embargo {
  private final Edition edition;
  private final AdminGuard guard;
  private final Pool pool;

  public Embargo(Edition edition, AdminGuard guard, Pool pool) {
    this.edition = edition;
    this.guard = guard;
    this.pool = pool;
  }

  /** Passes when the figures are public or the caller is an auditor; {@code refusal} tells everyone else why not. */
  public Future<Void> check(RoutingContext ctx, String sessionId, SessionState state, String what, String refusal) {
    return check(ctx, sessionId, state == SessionState.published, what, refusal);
  }

  /**
   * The same for figures that are public only once all their sessions are: {@code published} says whether they all
   * are, {@code target} names them in the audit log (the edition report: the edition's id).
   */
  public Future<Void> check(RoutingContext ctx, String target, boolean published, String what, String refusal) {
    return published || !edition.embargoedUntilPublished() ? Future.succeededFuture()
        : auditorOnly(ctx, target, what, refusal);
  }

  /**
   * For the edition report, whatever the edition's embargo: it also holds per-district turnout and the suggestions'
   * figures, which only operators and auditors may read before then, so API.md makes it an auditor's until every
   * session is published even in an edition without an embargo on rankings.
   */
  public Future<Void> checkAllPublished(RoutingContext ctx, String target, boolean allPublished, String what,
      String refusal) {
    return allPublished ? Future.succeededFuture() : auditorOnly(ctx, target, what, refusal);
  }

  private Future<Void> auditorOnly(RoutingContext ctx, String target, String what, String refusal) {
    Admin auditor = guard.optional(ctx).filter(a -> a.role() == AdminRole.auditor).orElse(null);
    if (auditor == null) {
      return Future.failedFuture(new ProblemException(ProblemCode.embargoed, refusal));
    }
    return AuditLog.record(pool, auditor.actor(), "embargoed.read", target, new JsonObject().put("what", what));
  }
}
