package org.pingyi.metrics;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** GET /metrics in the Prometheus text format; the scrape runs off the event loop. */
public final class MetricsRoutes {
  private final Vertx vertx;
  private final EngineMetrics metrics;

  public MetricsRoutes(Vertx vertx, EngineMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.get("/metrics").handler(ctx -> vertx.executeBlocking(() -> metrics.registry().scrape(), false)
        .onSuccess(text -> ctx.response()
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .end(text))
        .onFailure(ctx::fail));
  }
}
