package org.pingyi.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes problem+json (RFC 9457) answers; the only place that does. */
public final class Problems {
  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {}

  public static void send(RoutingContext ctx, ProblemException problem) {
    ProblemCode code = problem.code();
    JsonObject body = new JsonObject()
        .put("type", "urn:pingyi:problem:" + code.name())
        .put("title", code.title)
        .put("status", code.status)
        .put("detail", problem.getMessage())
        .put("code", code.name());
    if (!problem.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      problem.errors().forEach(e -> errors.add(e.toJson()));
      body.put("errors", errors);
    }
    String requestId = RequestIds.of(ctx);
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    var response = ctx.response();
    if (response.headWritten()) {
      response.reset();
      return;
    }
    if (problem.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
    }
    if (code.status == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.setStatusCode(code.status)
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
