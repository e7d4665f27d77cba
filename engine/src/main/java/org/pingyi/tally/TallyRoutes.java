package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
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
 * The live view: turnout for operators and auditors, the live ranking (embargoed: auditors only until the session
 * is published, and every embargoed read is audit-logged), its SSE stream, and the operator's recount.
 */
public final class TallyRoutes {
  static final String ELIGIBLE_BY_DISTRICT = """
      SELECT r.district, count(*) AS eligible
      FROM representatives r JOIN sessions s ON s.id = $1
      WHERE r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
        AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)
      GROUP BY r.district""";
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
    router.get("/api/v1/sessions/:id/turnout").handler(guard.require(AdminRole.operator, AdminRole.auditor)).handler(this::turnout);
    router.get("/api/v1/sessions/:id/live").handler(this::live);
    router.get("/api/v1/sessions/:id/live/stream").handler(this::liveStream);
    router.post("/api/v1/admin/sessions/:id/recount").handler(guard.require(AdminRole.operator)).handler(this::recount);
  }


  private void turnout(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    Future<Map<String, Long>> eligible = pool.preparedQuery(ELIGIBLE_BY_DISTRICT).execute(Tuple.of(session.id())).map(rows -> {
      Map<String, Long> byDistrict = new HashMap<>();
      rows.forEach(row -> byDistrict.put(row.getString("district"), row.getLong("eligible")));
      return byDistrict;
    });
    Future<LiveTally.SessionCounters> counters = tally.read(session.id());
    Future.all(eligible, counters).onSuccess(v -> {
      long eligibleTotal = 0;
      JsonArray byDistrict = new JsonArray();
      for (Edition.District d : edition.districts()) {
        long e = eligible.result().getOrDefault(d.code(), 0L);
        eligibleTotal += e;
        byDistrict.add(new JsonObject().put("district", d.code()).put("eligible", e)
            .put("voted", counters.result().turnoutByDistrict().getOrDefault(d.code(), 0L)));
      }
      long voted = counters.result().voted();
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject()
          .put("eligible", eligibleTotal)
          .put("voted", voted)
          .put("ratio", eligibleTotal == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(voted)
              .divide(BigDecimal.valueOf(eligibleTotal), 4, RoundingMode.HALF_UP))
          .put("byDistrict", byDistrict));
    }).onFailure(ctx::fail);
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
