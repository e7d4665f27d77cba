package org.pingyi.session;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Supplier;
import org.pingyi.metrics.EngineMetrics;

/**
 * GET /api/v1/sessions/stream (public, SSE): the current state of every session on connect, then one
 * {@code session} event {"id","state"} per change, so phones move to the next group the moment it opens.
 */
public final class SessionStreamRoutes {
  private static final long KEEPALIVE_MS = 15_000;

  private final Vertx vertx;
  private final Supplier<Map<String, SessionStatus>> sessions;
  private final EngineMetrics metrics;

  /** @param sessions the instance's in-memory view of the states (SessionEvents): a connect costs no query */
  public SessionStreamRoutes(Vertx vertx, Supplier<Map<String, SessionStatus>> sessions, EngineMetrics metrics) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.get("/api/v1/sessions/stream").handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    var response = ctx.response();
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    MessageConsumer<JsonObject> changes = vertx.eventBus().localConsumer(SessionEvents.ADDRESS,
        message -> send(ctx, message.body()));
    long keepalive = vertx.setPeriodic(KEEPALIVE_MS, id -> {
      if (!response.closed()) {
        response.write(": keepalive\n\n");
      }
    });
    metrics.sseClients("sessions", 1);
    response.closeHandler(v -> {
      metrics.sseClients("sessions", -1);
      changes.unregister();
      vertx.cancelTimer(keepalive);
    });
    sessions.get().values().forEach(s -> send(ctx, new JsonObject().put("id", s.id()).put("state", s.state().name())));
  }

  private static void send(RoutingContext ctx, JsonObject event) {
    if (!ctx.response().closed()) {
      ctx.response().write("event: session\ndata: " + event.encode() + "\n\n");
    }
  }
}
