package org.pingyi.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * What of an audit entry's detail may be shown to operators and auditors. The log keeps what proves a change (the
 * SHA-256 of a face-auth subject before and after, a withdrawal's stated reason); those can point at a person (a
 * subject is often an ID number, whose hash is found by trying them all), so they are shown as withheld, by key,
 * at any depth. Roster ids, counts, states, wave ids and chain roots pass.
 */
public final class AuditRedaction {
  public static final String WITHHELD = "withheld";
  private static final Set<String> WORDS = Set.of("subject", "name", "phone", "reason", "text", "comment", "answer");

  private AuditRedaction() {}

  public static JsonObject redact(JsonObject detail) {
    JsonObject out = new JsonObject();
    detail.forEach(e -> out.put(e.getKey(), personal(e.getKey()) ? WITHHELD : redactValue(e.getValue())));
    return out;
  }

  private static Object redactValue(Object value) {
    if (value instanceof JsonObject o) {
      return redact(o);
    }
    if (value instanceof JsonArray a) {
      JsonArray out = new JsonArray();
      a.forEach(v -> out.add(redactValue(v)));
      return out;
    }
    return value;
  }

  static boolean personal(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return WORDS.stream().anyMatch(k::contains);
  }
}
