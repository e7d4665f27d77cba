package org.pingyi.outreach;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.SessionParam;
import org.pingyi.http.Csv;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Operators start reminder waves and follow them, and export the non-voters of a district for phone calls: the one
 * place names and phones leave the engine, so every export is audit-logged.
 */
public final class ReminderRoutes {
  private final Edition edition;
  private final Pool pool;
  private final ReminderWaves waves;
  private final AdminGuard guard;

  public ReminderRoutes(Edition edition, Pool pool, ReminderWaves waves, AdminGuard guard) {
    this.edition = edition;
    this.pool = pool;
    this.waves = waves;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.post("/api/v1/admin/sessions/:id/reminders").handler(guard.require(AdminRole.operator)).handler(this::start);
    router.get("/api/v1/admin/sessions/:id/reminders").handler(guard.require(AdminRole.operator, AdminRole.auditor))
        .handler(ctx -> waves.ofSession(SessionParam.of(edition, ctx).id()).onSuccess(list -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(list);
        }).onFailure(ctx::fail));
    router.get("/api/v1/admin/reminders/:waveId").handler(guard.require(AdminRole.operator, AdminRole.auditor)).handler(this::status);
    router.get("/api/v1/admin/sessions/:id/non-voters.csv").handler(guard.require(AdminRole.operator)).handler(this::nonVoters);
  }


  private String district(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (edition.district(value).isEmpty()) {
      throw new ProblemException(ProblemCode.malformed_request, "Unknown district '" + value + "'.");
    }
    return value;
  }

  private void start(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw new ProblemException(ProblemCode.malformed_request, "The body must be {} or {\"district\": \"…\"}.");
    }
    String district = district(body == null ? null : body.getString("district"));
    waves.start(session.id(), district, "manual", null, AdminGuard.of(ctx).actor())
        .onSuccess(wave -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("waveId", wave.id()).put("queued", wave.queued()).encode()))
        .onFailure(ctx::fail);
  }

  private void status(RoutingContext ctx) {
    waves.status(ctx.pathParam("waveId")).onSuccess(status -> {
      if (status == null) {
        ctx.fail(new ProblemException(ProblemCode.not_found, "No such wave."));
      } else {
        ctx.json(status);
      }
    }).onFailure(ctx::fail);
  }

  private void nonVoters(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    String district = district(ctx.request().getParam("district"));
    pool.preparedQuery(ReminderSql.NON_VOTERS).execute(Tuple.of(session.id(), district))
        .compose(rows -> AuditLog.record(pool, AdminGuard.of(ctx).actor(), "non-voters.export", session.id(),
            new JsonObject().put("district", district).put("rows", rows.size())).map(rows))
        .onSuccess(rows -> {
          String csv = Csv.withBom(List.of("id", "name", "phone", "district", "category"), out -> {
            for (var r : rows) {
              out.printRecord(r.getString("id"), r.getString("name"), r.getString("phone"), r.getString("district"), r.getString("category"));
            }
          });
          Csv.send(ctx, session.id() + "-non-voters.csv", csv);
        }).onFailure(ctx::fail);
  }
}
