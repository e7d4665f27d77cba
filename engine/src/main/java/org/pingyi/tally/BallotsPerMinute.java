package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evening's ballots per minute of one session, from PostgreSQL (committed ballots only): one small aggregate over
 * the session's ballots, kept for three seconds per instance, so any number of consoles cost the writer's pool one
 * short query every ten seconds at most.
 */
public final class BallotsPerMinute {
  static final String PER_MINUTE = """
      SELECT date_trunc('minute', submitted_at) AS minute, count(*) AS ballots
      FROM ballots WHERE session_id = $1
      GROUP BY 1 ORDER BY 1""";
  private static final long KEEP_MS = 3_000;

  private final Pool pool;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  private record Kept(long at, Future<JsonObject> answer) {}

  public BallotsPerMinute(Pool pool) {
    this.pool = pool;
  }

  /** {"sessionId","asOf","minutes":[{"minute","ballots"}]}, minutes in UTC, only those with ballots. */
  public Future<JsonObject> of(String sessionId) {
    long now = System.currentTimeMillis();
    Kept k = kept.compute(sessionId, (id, old) -> old != null && now - old.at() < KEEP_MS && !old.answer().failed()
        ? old : new Kept(now, query(id)));
    return k.answer();
  }

  private Future<JsonObject> query(String sessionId) {
    return pool.preparedQuery(PER_MINUTE).execute(Tuple.of(sessionId)).map(rows -> {
      JsonArray minutes = new JsonArray();
      rows.forEach(row -> minutes.add(new JsonObject()
          .put("minute", row.getOffsetDateTime("minute").toInstant().toString())
          .put("ballots", row.getLong("ballots"))));
      return new JsonObject().put("sessionId", sessionId).put("asOf", Instant.now().toString()).put("minutes", minutes);
    });
  }
}
