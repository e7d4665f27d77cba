package org.pingyi.outreach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.pingyi.audit.AuditLog;
import org.pingyi.edition.Edition;

/**
 * Starts reminder waves: by an operator for one district or all, and automatically at the edition's minutes before
 * a session closes. A wave's messages are written in the same transaction as the wave; the automatic key makes each
 * automatic wave happen once however many instances try.
 */
public final class ReminderWaves {
  private final Vertx vertx;
  private final Pool pool;
  private final Edition edition;

  public record Wave(String id, long queued) {}

  public ReminderWaves(Vertx vertx, Pool pool, Edition edition) {
    this.vertx = vertx;
    this.pool = pool;
    this.edition = edition;
  }

  public Future<Wave> start(String sessionId, String district, String kind, String autoKey, String actor) {
    String id = "w-" + UUID.randomUUID();
    return pool.withTransaction(conn -> conn.preparedQuery(ReminderSql.NEW_WAVE)
        .execute(Tuple.of(id, sessionId, district, kind, autoKey, actor))
        .compose(created -> created.size() == 0
            ? Future.succeededFuture(new Wave(null, 0))
            : conn.preparedQuery(ReminderSql.FILL_WAVE).execute(Tuple.of(id, sessionId, district))
                .compose(filled -> AuditLog.record(conn, actor, "reminders." + kind, sessionId,
                        new JsonObject().put("waveId", id).put("district", district).put("queued", filled.rowCount()))
                    .map(new Wave(id, filled.rowCount())))));
  }

  /** Checks every 30 s for automatic waves that are due. */
  public void scheduleAutomatic() {
    var minutes = edition.remindersOrDefault().beforeCloseMinutes();
    if (minutes == null || minutes.isEmpty()) {
      return;
    }
    Integer[] offsets = minutes.toArray(Integer[]::new);
    vertx.runOnContext(v -> vertx.setPeriodic(0, 30_000, id -> pool.preparedQuery(ReminderSql.DUE_AUTOMATIC)
        .execute(Tuple.of(edition.id(), offsets))
        .onSuccess(rows -> rows.forEach(row -> start(row.getString("id"), null, "auto",
            row.getString("id") + ":" + row.getInteger("minutes"), "system:scheduler")))));
  }

  public Future<JsonObject> status(String waveId) {
    return pool.preparedQuery(ReminderSql.WAVE_STATUS).execute(Tuple.of(waveId)).map(rows -> {
      var row = rows.iterator().next();
      if (row.getLong("waves") == 0) {
        return null;
      }
      return new JsonObject().put("queued", row.getLong("queued")).put("sent", row.getLong("sent"))
          .put("failed", row.getLong("failed")).put("skipped", row.getLong("skipped"));
    });
  }

  /** [{"waveId","district","kind","createdAt","queued","sent","failed","skipped"}], newest first. */
  public Future<JsonArray> ofSession(String sessionId) {
    return pool.preparedQuery(ReminderSql.SESSION_WAVES).execute(Tuple.of(sessionId)).map(rows -> {
      JsonArray waves = new JsonArray();
      rows.forEach(row -> waves.add(new JsonObject()
          .put("waveId", row.getString("id"))
          .put("district", row.getString("district"))
          .put("kind", row.getString("kind"))
          .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
          .put("queued", row.getLong("queued")).put("sent", row.getLong("sent"))
          .put("failed", row.getLong("failed")).put("skipped", row.getLong("skipped"))));
      return waves;
    });
  }
}
