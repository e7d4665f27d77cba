package org.pingyi.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The pages the engine serves itself: the representative's phone page at / and the operations console at
 * /console (ES modules under /console/). Mounted last, so API routes win and unknown API paths still answer
 * problem+json. Every page file is revalidated on each load (a cheap 304), so a deploy never leaves a browser with
 * new modules next to old ones.
 */
public final class PagesRoutes {
  public void mount(Router router) {
    StaticHandler pages = StaticHandler.create("web").setIndexPage("index.html").setCachingEnabled(true)
        .setSendVaryHeader(true).setFilesReadOnly(true);
    router.get("/console").handler(ctx -> ctx.reroute("/console.html"));
    // Never under /api/: an unknown API path must stay a 404 problem, whatever its method.
    router.getWithRegex("^/(?!api/).*").handler(PagesRoutes::revalidate).handler(pages);
  }

  private static void revalidate(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Cache-Control", "no-cache"));
    ctx.next();
  }
}
