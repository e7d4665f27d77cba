package org.pingyi.rehearsal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

/** The stored side of the rehearsal report: sessions with their ballots, and the reminder waves with their messages. */
final class RehearsalFigures {
  private RehearsalFigures() {}

  static Future<JsonObject> read(Pool pool) {
    Future<JsonArray> sessions = pool.query(RehearsalSql.SESSIONS).execute().map(rows -> {
      JsonArray list = new JsonArray();
      for (Row row : rows) {
        list.add(new JsonObject().put("id", row.getString("id")).put("state", row.getString("state"))
            .put("ballots", row.getLong("ballots")));
      }
      return list;
    });
    Future<JsonArray> waves = pool.query(RehearsalSql.REMINDERS).execute().map(rows -> {
      JsonArray list = new JsonArray();
      for (Row row : rows) {
        list.add(new JsonObject().put("id", row.getString("id")).put("sessionId", row.getString("session_id"))
            .put("district", row.getString("district")).put("kind", row.getString("kind"))
            .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
            .put("sent", row.getLong("sent")).put("failed", row.getLong("failed"))
            .put("skipped", row.getLong("skipped")).put("queued", row.getLong("queued")));
      }
      return list;
    });
    return Future.all(sessions, waves).map(v -> new JsonObject()
        .put("sessions", sessions.result())
        .put("reminderWaves", waves.result()));
  }
}
