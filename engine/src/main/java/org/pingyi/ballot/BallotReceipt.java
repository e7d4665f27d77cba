package org.pingyi.ballot;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** What a representative gets back for a committed ballot; the same body on every idempotent retry. */
public record BallotReceipt(long ballotId, String receipt, String sessionId, Instant submittedAt) {
  public JsonObject toJson() {
    return new JsonObject()
        .put("ballotId", String.valueOf(ballotId))
        .put("receipt", receipt)
        .put("sessionId", sessionId)
        .put("submittedAt", submittedAt.toString());
  }
}
