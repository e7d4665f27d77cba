package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One HTTP server instance (the engine deploys one per event loop, all sharing the port). Security headers go on
 * first, so every answer carries them, refusals included. {@code /metrics} in any
 * spelling is refused before anything else can match it: it lives on the management port only. Routes that stream
 * their own large bodies mount next; every other route gets the 64 KiB JSON body limit.
 */
public final class ApiVerticle extends VerticleBase {
  public static final int JSON_BODY_LIMIT = 64 * 1024;
  /** Matched against the normalised path: /metrics, /metrics/, /metrics/x, /METRICS, //metrics, /%6Detrics … */
  private static final String METRICS_ANY_SPELLING = "(?i)^/metrics.*";

  private final int port;
  private final List<Consumer<Router>> streamingRoutes;
  private final List<Consumer<Router>> routes;
  private final LongConsumer eventLoopLag;
  private final SecurityHeaders securityHeaders;
  private final AccessLog accessLog;
  private HttpServer server;

  public ApiVerticle(int port, List<Consumer<Router>> streamingRoutes, List<Consumer<Router>> routes, LongConsumer eventLoopLag,
      SecurityHeaders securityHeaders, AccessLog accessLog) {
    this.port = port;
    this.accessLog = accessLog;
    this.securityHeaders = securityHeaders;
    this.streamingRoutes = streamingRoutes;
    this.routes = routes;
    this.eventLoopLag = eventLoopLag;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::assign);
    router.route().handler(securityHeaders);
    router.route().handler(accessLog);
    router.routeWithRegex(METRICS_ANY_SPELLING).handler(ctx -> ctx.fail(404));
    streamingRoutes.forEach(r -> r.accept(router));
    router.route().handler(BodyHandler.create(false).setBodyLimit(JSON_BODY_LIMIT));
    routes.forEach(r -> r.accept(router));
    router.route().failureHandler(FailureHandler::handle);
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      router.errorHandler(status, FailureHandler::handle);
    }
    server = vertx.createHttpServer(new HttpServerOptions()
        .setPort(port)
        .setHost("0.0.0.0")
        .setCompressionSupported(true)
        .setIdleTimeout(120));
    probeEventLoopLag();
    return server.requestHandler(router).listen();
  }

  /** A timer due every 100 ms on this verticle's event loop; how late it fires is how long handlers hold the loop. */
  private void probeEventLoopLag() {
    long[] due = {System.nanoTime() + 100_000_000L};
    vertx.setPeriodic(100, id -> {
      long now = System.nanoTime();
      eventLoopLag.accept(Math.max(0, now - due[0]));
      due[0] = now + 100_000_000L;
    });
  }

  public int actualPort() {
    return server.actualPort();
  }
}
