package org.pingyi.suggestion;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One step of a suggestion's trail: when, who (a pseudonymous actor), what, the status after, the department. */
public record TrailStep(long suggestionId, Instant at, String actor, String action, SuggestionStatus status,
    String department, JsonObject detail) {}
