package org.pingyi.roster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.Hashes;

/**
 * The audit entry of one changed roster row: its id, the names of the fields that changed, and the SHA-256 of the
 * face-auth subject before and after (never the subject, name or phone themselves).
 */
final class RowChange {
  private RowChange() {}

  /** An imported row against the stored one ({@code before} null for a new representative); null when nothing changed. */
  static JsonObject of(RosterEntry after, StoredRow before) {
    List<String> fields = new ArrayList<>();
    if (before == null) {
      fields.addAll(List.of("name", "phone", "district", "category", "status", "subject"));
    } else {
      compare(fields, "name", before.name(), after.name());
      compare(fields, "phone", before.phone(), after.phone());
      compare(fields, "district", before.district(), after.district());
      compare(fields, "category", before.category(), after.category());
      compare(fields, "status", before.status(), after.status().name());
      compare(fields, "subject", before.subject(), after.subject());
      if (fields.isEmpty()) {
        return null;
      }
    }
    return new JsonObject()
        .put("id", after.id())
        .put("change", before == null ? "added" : "updated")
        .put("fields", new JsonArray(fields))
        .put("statusBefore", before == null ? null : before.status())
        .put("statusAfter", after.status().name())
        .put("subjectSha256Before", before == null ? null : Hashes.sha256Hex(before.subject()))
        .put("subjectSha256After", Hashes.sha256Hex(after.subject()));
  }

  /** A withdrawal or a promotion: the status moves, the subject stays. */
  static JsonObject status(String id, String from, String to, String subject) {
    String hash = Hashes.sha256Hex(subject);
    return new JsonObject().put("id", id).put("change", "updated").put("fields", new JsonArray().add("status"))
        .put("statusBefore", from).put("statusAfter", to).put("subjectSha256Before", hash).put("subjectSha256After", hash);
  }

  private static void compare(List<String> fields, String name, String before, String after) {
    if (!before.equals(after)) {
      fields.add(name);
    }
  }

  /** A representative's row as stored before an import. */
  record StoredRow(String name, String phone, String district, String category, String status, String subject) {}
}
