package org.pingyi.ballot;

import io.vertx.core.json.JsonObject;
import java.util.SortedMap;

/**
 * A validated ballot of one representative for one session: a grade for every department of the group, optional
 * comments and survey answers. {@code bodyHash} identifies the content, so a retry can be told from a new ballot.
 */
public record Ballot(
    String sessionId,
    String representativeId,
    SortedMap<String, String> scores,
    SortedMap<String, String> comments,
    JsonObject survey,
    String idempotencyKey,
    String bodyHash) {

  public JsonObject scoresJson() {
    return new JsonObject(new java.util.LinkedHashMap<>(scores));
  }

  public JsonObject commentsJson() {
    return new JsonObject(new java.util.LinkedHashMap<>(comments));
  }
}
