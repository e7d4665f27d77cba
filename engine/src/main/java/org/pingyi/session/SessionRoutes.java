package org.pingyi.session;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionJson;

/** POST /api/v1/admin/sessions/{id}/{action} (operator) → 200 with the session. */
public final class SessionRoutes {
  private final Edition edition;
  private final SessionLifecycle lifecycle;
  private final AdminGuard guard;

  public SessionRoutes(Edition edition, SessionLifecycle lifecycle, AdminGuard guard) {
    this.edition = edition;
    this.lifecycle = lifecycle;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.post("/api/v1/admin/sessions/:id/:action").handler(guard.require(AdminRole.operator)).handler(this::transition);
  }

  private void transition(RoutingContext ctx) {
    String action = ctx.pathParam("action");
    var session = edition.session(ctx.pathParam("id"));
    if (session.isEmpty() || !SessionLifecycle.knows(action)) {
      ctx.next();
      return;
    }
    lifecycle.apply(session.get().id(), action, AdminGuard.of(ctx).actor())
        .onSuccess(status -> ctx.json(EditionJson.session(edition, session.get(), status)))
        .onFailure(ctx::fail);
  }

}
