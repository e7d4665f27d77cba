package org.pingyi.quality;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers when each representative's ballot form was first served in a session, for the "fast ballot" flag. The
 * form's request only puts an entry in memory; once a second one multi-row INSERT writes what gathered (3,000 forms
 * in a minute are one short statement a second, never on the ballot's path). An instance that dies loses at most
 * its last second of servings: those ballots count as unmeasured, never as fast.
 */
public final class FormServings {
  private static final Logger LOG = LoggerFactory.getLogger(FormServings.class);
  private static final long FLUSH_EVERY_MS = 1000;
  /** Beyond this many unwritten servings (PostgreSQL away for long) new ones are not remembered. */
  private static final int MAX_PENDING = 100_000;
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final Vertx vertx;
  private final Pool pool;
  private final Map<Key, Long> pending = new ConcurrentHashMap<>();
  private long timer = -1;
  private boolean writing;

  private record Key(String sessionId, String representativeId) {}

  public FormServings(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** Called from any event loop when a representative who has not voted yet is served the session's form. */
  public void served(String sessionId, String representativeId) {
    if (pending.size() < MAX_PENDING) {
      pending.putIfAbsent(new Key(sessionId, representativeId), System.nanoTime());
    }
  }

  public void start() {
    vertx.runOnContext(v -> timer = vertx.setPeriodic(FLUSH_EVERY_MS, id -> flush()));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void flush() {
    if (writing || pending.isEmpty()) {
      return;
    }
    List<Key> keys = new ArrayList<>(pending.keySet());
    List<String> sessions = new ArrayList<>(keys.size());
    List<String> representatives = new ArrayList<>(keys.size());
    List<Double> ages = new ArrayList<>(keys.size());
    List<Long> servedAt = new ArrayList<>(keys.size());
    long now = System.nanoTime();
    for (Key key : keys) {
      Long at = pending.remove(key);
      if (at != null) {
        sessions.add(key.sessionId());
        representatives.add(key.representativeId());
        ages.add((now - at) / 1e9);
        servedAt.add(at);
      }
    }
    writing = true;
    pool.preparedQuery(QualitySql.RECORD_SERVINGS)
        .execute(Tuple.of(sessions.toArray(String[]::new), representatives.toArray(String[]::new), ages.toArray(Double[]::new)))
        .onComplete(done -> writing = false)
        .onFailure(e -> {
          if (e instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())) {
            LOG.warn("dropped {} form servings naming no known session or representative", sessions.size());
            return;
          }
          for (int i = 0; i < sessions.size(); i++) {
            pending.merge(new Key(sessions.get(i), representatives.get(i)), servedAt.get(i), Math::min);
          }
        });
  }
}
