package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/**
 * The management port: /metrics and /health/* for Prometheus and load balancers, kept apart from the public port so
 * turnout by district and login outcomes never reach the public. One instance; port 0 lets the system pick one,
 * which {@link #actualPort()} tells.
 */
public final class ManagementVerticle extends VerticleBase {
  private final int port;
  private final List<Consumer<Router>> routes;
  private HttpServer server;

  public ManagementVerticle(int port, List<Consumer<Router>> routes) {
    this.port = port;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::assign);
    router.route().handler(new SecurityHeaders(0));
    routes.forEach(r -> r.accept(router));
    router.route().failureHandler(FailureHandler::handle);
    for (int status : new int[] {400, 404, 405, 500}) {
      router.errorHandler(status, FailureHandler::handle);
    }
    server = vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("0.0.0.0").setIdleTimeout(120));
    return server.requestHandler(router).listen();
  }

  public int actualPort() {
    return server.actualPort();
  }
}
