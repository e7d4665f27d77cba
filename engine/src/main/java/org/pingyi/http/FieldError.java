package org.pingyi.http;

import io.vertx.core.json.JsonObject;

/** One problem with one part of a request, e.g. {@code scores.D07} or {@code line 12}. */
public record FieldError(String field, String message) {
  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("message", message);
  }
}
