package org.pingyi.session;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionJson;
import org.pingyi.edition.SessionParam;
import org.pingyi.http.FieldError;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * POST /api/v1/admin/sessions/{id}/extend {"minutes"} (operator) → 200 with the session and its new closesAt.
 * Mounted before {@link SessionRoutes}, whose {@code :action} route would otherwise see "extend" first.
 */
public final class ScheduleRoutes {
  private static final String EXPECTED = "{\"minutes\": whole minutes from 1 to " + SessionExtension.MAX_MINUTES + "}";

  private final Edition edition;
  private final SessionExtension extension;
  private final AdminGuard guard;

  public ScheduleRoutes(Edition edition, SessionExtension extension, AdminGuard guard) {
    this.edition = edition;
    this.extension = extension;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.post("/api/v1/admin/sessions/:id/extend").handler(guard.require(AdminRole.operator)).handler(this::extend);
  }

  private void extend(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    int minutes = minutes(JsonBodies.object(ctx, EXPECTED));
    extension.extend(session.id(), minutes, AdminGuard.of(ctx).actor())
        .onSuccess(status -> ctx.json(EditionJson.session(edition, session, status)))
        .onFailure(ctx::fail);
  }

  static int minutes(JsonObject body) {
    Object value = body.getValue("minutes");
    if (value instanceof Integer || value instanceof Long) {
      long minutes = ((Number) value).longValue();
      if (minutes >= 1 && minutes <= SessionExtension.MAX_MINUTES) {
        return (int) minutes;
      }
    }
    throw new ProblemException(ProblemCode.malformed_request, "The body must be " + EXPECTED + ".",
        List.of(new FieldError("minutes", "whole minutes from 1 to " + SessionExtension.MAX_MINUTES)));
  }
}
