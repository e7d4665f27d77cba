package org.pingyi.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The pages the engine serves itself: the representative's phone page at / and the operations console at
 * /console. Mounted last, so API routes win and unknown API paths still answer problem+json.
 */
public final class PagesRoutes {
  public void mount(Router router) {
    StaticHandler pages = StaticHandler.create("web").setIndexPage("index.html").setMaxAgeSeconds(300)
        .setSendVaryHeader(true).setFilesReadOnly(true);
    router.get("/console").handler(ctx -> ctx.reroute("/console.html"));
    // Never under /api/: an unknown API path must stay a 404 problem, whatever its method.
    router.getWithRegex("^/(?!api/).*").handler(pages);
  }
}
