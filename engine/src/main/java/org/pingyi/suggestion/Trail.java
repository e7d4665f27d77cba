package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import org.pingyi.audit.AuditLog;

/** Writes a step to the suggestion's trail and to the audit log, on the connection of the change it records. */
final class Trail {
  Future<Void> record(SqlClient conn, Suggestion s, String actor, String action, Instant at, JsonObject detail) {
    return recordId(conn, s.id(), s.status(), s.lead(), actor, action, at, detail);
  }

  Future<Void> recordId(SqlClient conn, long id, SuggestionStatus status, String department, String actor, String action,
      Instant at, JsonObject detail) {
    return conn.preparedQuery(SuggestionSql.STEP)
        .execute(Tuple.of(id, SuggestionRepository.at(at), actor, action, status.name(), department).addValue(detail))
        .compose(v -> AuditLog.record(conn, actor, "suggestion." + action, "suggestion:" + id,
            detail.copy().put("status", status.name()).put("department", department)));
  }
}
