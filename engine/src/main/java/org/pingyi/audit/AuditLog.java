package org.pingyi.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * The append-only record of admin actions, state changes and reads of embargoed data. Pass the transaction's
 * connection when the entry must stand or fall with the change it records. The actor is a role and token-hash
 * prefix (or "system:…"), never a token; details never hold personal data.
 */
public final class AuditLog {
  static final String INSERT = "INSERT INTO audit_log (actor, action, target, detail) VALUES ($1, $2, $3, $4)";

  private AuditLog() {}

  public static Future<Void> record(SqlClient client, String actor, String action, String target, JsonObject detail) {
    return client.preparedQuery(INSERT).execute(Tuple.of(actor, action, target, detail)).mapEmpty();
  }
}
