package org.pingyi.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The request body as a JSON object, or a 400 problem. */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonObject object(RoutingContext ctx, String expected) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw new ProblemException(ProblemCode.malformed_request, "The body must be " + expected + ".");
  }
}
