package org.pingyi.results;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.Admin;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.SessionParam;
import org.pingyi.http.Csv;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.pingyi.session.SessionRepository;
import org.pingyi.session.Embargo;
import org.pingyi.session.SessionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sealed results and the audit trail: results.json and .csv (409 before seal, auditors only until publication,
 * public after), the pseudonymous ballot export with chain hashes, and reconcile. Every read before publication
 * is audit-logged.
 */
public final class ResultsRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ResultsRoutes.class);
  static final String DOCUMENT = "SELECT document, chain_root FROM session_results WHERE session_id = $1";

  private final Edition edition;
  private final Pool pool;
  private final Pool readPool;
  private final SessionRepository sessions;
  private final AdminGuard guard;
  private final Embargo embargo;
  private final Reconcile reconcile;

  /**
   * @param readPool and {@code sessions} (over it) for results.json and .csv, which the public reads once published:
   *     never a wait on the writer's pool
   */
  public ResultsRoutes(Edition edition, Pool pool, Pool readPool, SessionRepository sessions, AdminGuard guard,
      Reconcile reconcile) {
    this.edition = edition;
    this.pool = pool;
    this.readPool = readPool;
    this.sessions = sessions;
    this.guard = guard;
    this.embargo = new Embargo(edition, guard, pool);
    this.reconcile = reconcile;
  }

  public void mount(Router router) {
    router.get("/api/v1/sessions/:id/results").handler(ctx -> document(ctx, "results")
        .onSuccess(doc -> ctx.response()
            .putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store")
            .end(doc))
        .onFailure(ctx::fail));
    router.get("/api/v1/sessions/:id/results.csv").handler(ctx -> document(ctx, "results.csv")
        .onSuccess(doc -> Csv.send(ctx, ctx.pathParam("id") + "-results.csv",
            ResultsCsv.of(edition, new JsonObject(doc))))
        .onFailure(ctx::fail));
    router.get("/api/v1/admin/sessions/:id/ballots.ndjson").handler(guard.require(AdminRole.auditor)).handler(this::export);
    router.get("/api/v1/admin/sessions/:id/reconcile").handler(guard.require(AdminRole.auditor)).handler(this::reconcile);
  }


  /** The stored results.json with the session's current state, if this caller may see it now. */
  private Future<String> document(RoutingContext ctx, String what) {
    Edition.Session session = SessionParam.of(edition, ctx);
    return sessions.find(session.id()).compose(status -> {
      SessionState state = status.orElseThrow().state();
      if (!state.resultsFinal()) {
        return Future.failedFuture(new ProblemException(ProblemCode.not_sealed, "Results exist once the session is sealed."));
      }
      return embargo.check(ctx, session.id(), state, what, "Results are embargoed until published.").compose(v -> readPool.preparedQuery(DOCUMENT).execute(Tuple.of(session.id())))
          .map(rows -> ResultsDocument.withState(rows.iterator().next().getString("document"), state.name()));
    });
  }

  private void export(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    Admin auditor = AdminGuard.of(ctx);
    sessions.find(session.id()).compose(status -> {
      if (!status.orElseThrow().state().resultsFinal()) {
        return Future.failedFuture(new ProblemException(ProblemCode.not_sealed, "The ballot export exists once the session is sealed."));
      }
      return audit(auditor, "ballots.export", session.id(), "ballots.ndjson");
    }).onSuccess(v -> stream(ctx, session)).onFailure(ctx::fail);
  }

  /** Streams page by page, waiting for the client whenever the response buffer is full. */
  private void stream(RoutingContext ctx, Edition.Session session) {
    var response = ctx.response();
    response.setChunked(true)
        .putHeader("Content-Type", "application/x-ndjson; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + session.id() + "-ballots.ndjson\"")
        .putHeader("Cache-Control", "no-store");
    BallotChain chain = new BallotChain(session.id());
    pool.withTransaction(conn -> SealedBallots.forEachPage(conn, session.id(), page -> {
      StringBuilder lines = new StringBuilder(page.size() * 300);
      for (CanonicalBallot ballot : page) {
        lines.append(ballot.exportLine(chain.add(ballot))).append('\n');
      }
      Future<Void> written = response.write(lines.toString());
      return response.writeQueueFull() ? written : Future.succeededFuture();
    }).compose(v -> conn.preparedQuery(DOCUMENT).execute(Tuple.of(session.id()))).map(rows -> {
      String sealedRoot = rows.iterator().next().getString("chain_root");
      if (!sealedRoot.equals(chain.root())) {
        LOG.error("session {}: the ballots no longer match the chain root fixed at seal", session.id());
      }
      return null;
    })).onComplete(done -> {
      if (done.failed()) {
        LOG.warn("ballot export of {} broke off: {}", session.id(), done.cause().toString());
        response.reset();
      } else {
        response.end();
      }
    });
  }

  private void reconcile(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    audit(AdminGuard.of(ctx), "session.reconcile", session.id(), "reconcile")
        .compose(v -> reconcile.compare(session))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private Future<Void> audit(Admin admin, String action, String target, String what) {
    return AuditLog.record(pool, admin.actor(), action, target, new JsonObject().put("what", what));
  }
}
