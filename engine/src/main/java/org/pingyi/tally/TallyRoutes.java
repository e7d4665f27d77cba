package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.Admin;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.SessionParam;
import org.pingyi.metrics.EngineMetrics;
import org.pingyi.session.SessionRepository;
import org.pingyi.session.Embargo;

/**
 * The live view: the live ranking (embargoed: auditors only until the session is published, and every embargoed
 * read is audit-logged), its SSE stream, and the operator's recount. Turnout is {@link TurnoutRoutes}.
 */
public final class TallyRoutes {
  private static final long STREAM_PERIOD_MS = 1000;

  private final Vertx vertx;
  private final Edition edition;
  private final Pool pool;
  private final LiveTally tally;
  private final Projection projection;
  private final SessionRepository sessions;
  private final AdminGuard guard;
  private final Embargo embargo;
  private final LiveRankings rankings;
  private final EngineMetrics metrics;

  public TallyRoutes(Vertx vertx, Edition edition, Pool pool, LiveTally tally, Projection projection,
      SessionRepository sessions, AdminGuard guard, EngineMetrics metrics) {
    this.vertx = vertx;
    this.edition = edition;
    this.pool = pool;
    this.tally = tally;
    this.projection = projection;
    this.sessions = sessions;
    this.guard = guard;
    this.embargo = new Embargo(edition, guard, pool);
    this.rankings = new LiveRankings(edition);
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.get("/api/v1/sessions/:id/live").handler(this::live);
    router.get("/api/v1/sessions/:id/live/stream").handler(this::liveStream);
    router.post("/api/v1/admin/sessions/:id/recount").handler(guard.require(AdminRole.operator)).handler(this::recount);
  }


  /** Passes when the figures are public, or the caller is an auditor (whose read is audit-logged). */
  private Future<Void> embargoCheck(RoutingContext ctx, Edition.Session session, String what) {
    return sessions.find(session.id()).compose(status -> embargo.check(ctx, session.id(),
        status.map(s -> s.state()).orElse(null), what, "Rankings are embargoed until the session's results are published."));
  }

  private void live(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    embargoCheck(ctx, session, "live")
        .compose(v -> tally.read(session.id()))
        .onSuccess(counters -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(rankings.payload(session, counters));
        })
        .onFailure(ctx::fail);
  }

  private void liveStream(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    embargoCheck(ctx, session, "live/stream").onSuccess(v -> {
      var response = ctx.response();
      response.setChunked(true)
          .putHeader("Content-Type", "text/event-stream")
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Accel-Buffering", "no");
      response.write(": live ranking of " + session.id() + "\n\n");
      String[] last = {null};
      long timer = vertx.setPeriodic(0, STREAM_PERIOD_MS, id -> tally.read(session.id()).onSuccess(counters -> {
        JsonObject payload = rankings.payload(session, counters);
        String comparable = payload.copy().put("asOf", "").encode();
        if (!comparable.equals(last[0]) && !response.closed()) {
          last[0] = comparable;
          response.write("event: live\ndata: " + payload.encode() + "\n\n");
        }
      }));
      metrics.sseClients("live", 1);
      response.closeHandler(x -> {
        metrics.sseClients("live", -1);
        vertx.cancelTimer(timer);
      });
      response.exceptionHandler(x -> vertx.cancelTimer(timer));
    }).onFailure(ctx::fail);
  }

  private void recount(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    Admin admin = AdminGuard.of(ctx);
    projection.recount(session.id())
        .compose(counted -> AuditLog.record(pool, admin.actor(), "session.recount", session.id(),
            new JsonObject().put("ballots", counted)).map(counted))
        .onSuccess(counted -> ctx.json(new JsonObject().put("sessionId", session.id()).put("ballots", counted)))
        .onFailure(ctx::fail);
  }
}
