package org.pingyi.quality;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.SessionParam;

/**
 * GET /api/v1/admin/sessions/{id}/quality (auditor) → {"sessionId","ballots","straightLined","fast","unmeasured",
 * "thresholds":{"minSecondsPerDepartment","departments","minSeconds"}}: how many ballots look careless, never which
 * ones, and never a change to any count.
 */
public final class QualityRoutes {
  private final Edition edition;
  private final Pool pool;
  private final AdminGuard guard;

  public QualityRoutes(Edition edition, Pool pool, AdminGuard guard) {
    this.edition = edition;
    this.pool = pool;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/sessions/:id/quality").handler(guard.require(AdminRole.auditor)).handler(this::flags);
  }

  private void flags(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    int perDepartment = edition.qualityOrDefault().minSecondsPerDepartmentOrDefault();
    int departments = edition.departmentsOf(session).size();
    int minSeconds = perDepartment * departments;
    pool.preparedQuery(QualitySql.FLAGS).execute(Tuple.of(session.id(), minSeconds, departments)).onSuccess(rows -> {
      var row = rows.iterator().next();
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject()
          .put("sessionId", session.id())
          .put("ballots", row.getLong("ballots"))
          .put("straightLined", row.getLong("straight_lined"))
          .put("fast", row.getLong("fast"))
          .put("unmeasured", row.getLong("unmeasured"))
          .put("thresholds", new JsonObject()
              .put("minSecondsPerDepartment", perDepartment)
              .put("departments", departments)
              .put("minSeconds", minSeconds)));
    }).onFailure(ctx::fail);
  }
}
