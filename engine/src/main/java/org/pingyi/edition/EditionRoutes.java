package org.pingyi.edition;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.session.SessionRepository;

/** GET /api/v1/edition and GET /api/v1/sessions: public, the states fresh from PostgreSQL. */
public final class EditionRoutes {
  private final Edition edition;
  private final SessionRepository sessions;

  public EditionRoutes(Edition edition, SessionRepository sessions) {
    this.edition = edition;
    this.sessions = sessions;
  }

  public void mount(Router router) {
    router.get("/api/v1/edition").handler(this::edition);
    router.get("/api/v1/sessions").handler(this::sessions);
  }

  private void edition(RoutingContext ctx) {
    sessions.all()
        .onSuccess(states -> ctx.json(EditionJson.edition(edition, states)))
        .onFailure(ctx::fail);
  }

  private void sessions(RoutingContext ctx) {
    sessions.all()
        .onSuccess(states -> ctx.json(EditionJson.sessions(edition, states)))
        .onFailure(ctx::fail);
  }
}
