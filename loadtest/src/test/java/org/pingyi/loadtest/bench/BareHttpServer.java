package org.pingyi.loadtest.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The bare-HTTP ceiling of the benchmark: a Vert.x 5 server (one verticle per core, like the engine) that parses
 * the same JSON ballot body and answers 201, with nothing behind it.
 */
public final class BareHttpServer {
  private BareHttpServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "8089");
    Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setPreferNativeTransport(true));
    int cores = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < cores; i++) {
      vertx.deployVerticle(new io.vertx.core.VerticleBase() {
        @Override
        public io.vertx.core.Future<?> start() {
          Router router = Router.router(vertx);
          router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
          router.post("/api/v1/sessions/:id/ballots").handler(ctx -> {
            JsonObject ballot = ctx.body().asJsonObject();
            ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("departments", ballot.getJsonObject("scores").size()).encode());
          });
          return vertx.createHttpServer().requestHandler(router).listen(port);
        }
      });
    }
  }
}
