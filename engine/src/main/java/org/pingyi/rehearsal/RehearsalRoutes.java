package org.pingyi.rehearsal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.SessionParam;
import org.pingyi.http.FieldError;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.pingyi.session.SessionEvents;
import org.pingyi.session.SessionState;
import org.pingyi.session.SessionStatus;

/**
 * The rehearsal's own routes, mounted only in an engine started by {@code rehearse} (elsewhere they answer 404, which
 * is how the console tells a live engine from a rehearsal). The evening's own routes (open, close, seal, publish,
 * reminders, the live views) are the ordinary ones: the office practises with them.
 */
public final class RehearsalRoutes {
  static final int MAX_PHONES = 100_000;
  static final int MAX_SECONDS = 3_600;

  private final Rehearsal rehearsal;
  private final RehearsalVerify verifier;
  private final Edition edition;
  private final SessionEvents sessions;
  private final Pool pool;
  private final AdminGuard guard;

  public RehearsalRoutes(Vertx vertx, Rehearsal rehearsal, Edition edition, Path editionFile, SessionEvents sessions,
      Pool pool, AdminGuard guard) {
    this.rehearsal = rehearsal;
    this.verifier = new RehearsalVerify(vertx, editionFile);
    this.edition = edition;
    this.sessions = sessions;
    this.pool = pool;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/rehearsal").handler(guard.require(AdminRole.operator, AdminRole.auditor)).handler(this::report);
    router.post("/api/v1/admin/rehearsal/broadcast-ended").handler(guard.require(AdminRole.operator)).handler(this::broadcastEnded);
    router.post("/api/v1/admin/rehearsal/sessions/:id/verify").handler(guard.require(AdminRole.auditor)).handler(this::verify);
    router.post("/api/v1/admin/rehearsal/reset").handler(guard.require(AdminRole.operator)).handler(this::reset);
  }

  private void report(RoutingContext ctx) {
    rehearsal.report().onSuccess(report -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(report);
    }).onFailure(ctx::fail);
  }

  /** {"sessionId","phones","seconds"}: the broadcast of an open session ended; the phones vote within the seconds. */
  private void broadcastEnded(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"sessionId\",\"phones\",\"seconds\"}");
    List<FieldError> errors = new ArrayList<>();
    Object sessionId = body.getValue("sessionId");
    Edition.Session session = sessionId instanceof String id ? edition.session(id).orElse(null) : null;
    if (session == null) {
      errors.add(new FieldError("sessionId", "one of the edition's sessions"));
    }
    int phones = whole(body, "phones", 1, MAX_PHONES, errors);
    int seconds = whole(body, "seconds", 1, MAX_SECONDS, errors);
    if (!errors.isEmpty()) {
      ctx.fail(new ProblemException(ProblemCode.malformed_request, "The rehearsal run is not acceptable.", errors));
      return;
    }
    SessionStatus status = sessions.states().get(session.id());
    if (status == null || status.state() != SessionState.open) {
      ctx.fail(new ProblemException(ProblemCode.session_not_open, "Open the session first: the phones vote in an open session."));
      return;
    }
    int port = ctx.request().localAddress().port();
    Rehearsal.Start start = rehearsal.broadcastEnded(session, phones, seconds, port);
    if (start instanceof Rehearsal.Start.RunUnderWay busy) {
      ctx.fail(new ProblemException(ProblemCode.invalid_transition,
          "A run is under way in " + busy.sessionId() + "; wait until every phone has its answer."));
    } else if (start instanceof Rehearsal.Start.TooFewLeft few) {
      ctx.fail(new ProblemException(ProblemCode.malformed_request,
          "Only " + few.left() + " representatives of this session have not voted yet.",
          List.of(new FieldError("phones", "at most " + few.left()))));
    } else if (start instanceof Rehearsal.Start.Started started) {
      AuditLog.record(pool, AdminGuard.of(ctx).actor(), "rehearsal.broadcast-ended", session.id(),
              new JsonObject().put("phones", phones).put("seconds", seconds))
          .onSuccess(v -> ctx.response().setStatusCode(202).putHeader("Cache-Control", "no-store")
              .putHeader("Content-Type", "application/json").end(started.run().toJson().encode()))
          .onFailure(ctx::fail);
    }
  }

  private void verify(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    int port = ctx.request().localAddress().port();
    verifier.verify(port, session.id(), ctx.request().getHeader("Authorization"))
        .recover(e -> Future.failedFuture(e instanceof RehearsalVerify.Refused refused ? asProblem(refused) : e))
        .onSuccess(verdict -> ctx.json(new JsonObject().put("sessionId", session.id())
            .put("verified", verdict.verified())
            .put("message", verdict.verified() ? verdict.message() : "NOT VERIFIED: " + verdict.message())))
        .onFailure(ctx::fail);
  }

  /** Answers first, then the rehearse command stops this engine and removes the rehearsal. */
  private void reset(RoutingContext ctx) {
    ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("reset", "under way: this rehearsal engine stops and removes its database, Redis keys "
            + "and files").encode())
        .onComplete(v -> rehearsal.requestReset());
  }

  private static ProblemException asProblem(RehearsalVerify.Refused refused) {
    try {
      JsonObject problem = new JsonObject(refused.body);
      return new ProblemException(ProblemCode.valueOf(problem.getString("code")), problem.getString("detail", ""));
    } catch (RuntimeException notAProblem) {
      return new ProblemException(ProblemCode.internal_error, refused.getMessage());
    }
  }

  private static int whole(JsonObject body, String field, int min, int max, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (value instanceof Integer n && n >= min && n <= max) {
      return n;
    }
    errors.add(new FieldError(field, "a whole number from " + min + " to " + max));
    return 0;
  }
}
