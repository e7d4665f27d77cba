package org.pingyi.tally;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.SessionParam;
import org.pingyi.metrics.EngineMetrics;

/**
 * Turnout for operators and auditors: the payload of API.md, its SSE stream (the payload at most once a second while
 * it changes, fed by one {@link TurnoutFeed} poll per instance), and the ballots per minute of the evening.
 */
public final class TurnoutRoutes {
  private static final long KEEPALIVE_MS = 15_000;

  private final Vertx vertx;
  private final Edition edition;
  private final Turnout turnout;
  private final TurnoutFeed feed;
  private final BallotsPerMinute perMinute;
  private final AdminGuard guard;
  private final EngineMetrics metrics;

  public TurnoutRoutes(Vertx vertx, Edition edition, Turnout turnout, TurnoutFeed feed, BallotsPerMinute perMinute,
      AdminGuard guard, EngineMetrics metrics) {
    this.vertx = vertx;
    this.edition = edition;
    this.turnout = turnout;
    this.feed = feed;
    this.perMinute = perMinute;
    this.guard = guard;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    var admins = guard.require(AdminRole.operator, AdminRole.auditor);
    router.get("/api/v1/sessions/:id/turnout").handler(admins).handler(this::turnout);
    router.get("/api/v1/sessions/:id/turnout/stream").handler(admins).handler(this::stream);
    router.get("/api/v1/sessions/:id/turnout/minutes").handler(admins).handler(this::minutes);
  }

  private void turnout(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    turnout.read(session.id()).onSuccess(payload -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(payload);
    }).onFailure(ctx::fail);
  }

  private void minutes(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    perMinute.of(session.id()).onSuccess(payload -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(payload);
    }).onFailure(ctx::fail);
  }

  private void stream(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    Context here = vertx.getOrCreateContext();
    var response = ctx.response();
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.write(": turnout of " + session.id() + "\n\n");
    String[] last = {null};
    MessageConsumer<String> updates = vertx.eventBus().localConsumer(TurnoutFeed.address(session.id()),
        message -> write(ctx, last, message.body()));
    feed.join(session.id()).onSuccess(payload -> here.runOnContext(v -> write(ctx, last, payload)));
    long keepalive = vertx.setPeriodic(KEEPALIVE_MS, id -> {
      if (!response.closed()) {
        response.write(": keepalive\n\n");
      }
    });
    metrics.sseClients("turnout", 1);
    response.closeHandler(v -> {
      metrics.sseClients("turnout", -1);
      updates.unregister();
      vertx.cancelTimer(keepalive);
      feed.leave(session.id());
    });
  }

  /** One event per payload this console has not seen yet (the join's answer and a broadcast may carry the same). */
  private static void write(RoutingContext ctx, String[] last, String payload) {
    if (!payload.equals(last[0]) && !ctx.response().closed()) {
      last[0] = payload;
      ctx.response().write("event: turnout\ndata: " + payload + "\n\n");
    }
  }
}
