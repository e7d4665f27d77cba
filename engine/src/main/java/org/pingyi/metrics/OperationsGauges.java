package org.pingyi.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pingyi.privacy.SmallCells;
import org.pingyi.store.RedisStore;
import org.pingyi.tally.LiveTally;
import org.pingyi.tally.Projection;

/**
 * What the 9 pm dashboard reads besides counters: whether PostgreSQL and Redis answer, how far the live tally is
 * behind, how many sessions are open, and turnout per session and district. Refreshed every five seconds off the
 * request path; label values are session ids and district codes, both fixed by the edition. A district of fewer
 * eligible representatives than the edition's minCellSize is a small cell and has no turnout series.
 */
public final class OperationsGauges {
  static final String OPEN_SESSIONS = "SELECT id FROM sessions WHERE state = 'open' ORDER BY id";
  static final String ELIGIBLE = """
      SELECT s.id AS session, r.district, count(*) AS eligible
      FROM sessions s JOIN representatives r
        ON r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
          AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)
      WHERE s.state = 'open'
      GROUP BY 1, 2""";
  /** Who may vote changes only with the open sessions or a roster import: counting it (a scan of the roster) can wait. */
  private static final long ELIGIBLE_EVERY_MS = 60_000;

  private final Vertx vertx;
  private final Pool pool;
  private final RedisStore redis;
  private final LiveTally tally;
  private final AtomicInteger postgresUp = new AtomicInteger();
  private final AtomicInteger redisUp = new AtomicInteger();
  private final AtomicInteger openSessions = new AtomicInteger();
  private final MultiGauge eligible;
  private final MultiGauge voted;
  private final int minCellSize;
  /** "session|district" of small cells, published by neither gauge (see SmallCells). */
  private volatile Set<String> suppressed = Set.of();
  private List<String> eligibleCountedFor = List.of();
  private long eligibleCountedAt;

  public OperationsGauges(Vertx vertx, Pool pool, RedisStore redis, LiveTally tally, Projection projection,
      EngineMetrics metrics, int minCellSize) {
    this.minCellSize = minCellSize;
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.tally = tally;
    var registry = metrics.registry();
    Gauge.builder("pingyi.backend.up", postgresUp, AtomicInteger::get).tag("backend", "postgres")
        .description("1 when PostgreSQL answered the last probe").register(registry);
    Gauge.builder("pingyi.backend.up", redisUp, AtomicInteger::get).tag("backend", "redis")
        .description("1 when Redis answered the last probe").register(registry);
    Gauge.builder("pingyi.sessions.open", openSessions, AtomicInteger::get)
        .description("Sessions taking ballots now").register(registry);
    Gauge.builder("pingyi.projection.lag.seconds", projection, p -> p.behindSeconds())
        .description("How long the live tally has been behind PostgreSQL (0 when in step)").register(registry);
    eligible = MultiGauge.builder("pingyi.turnout.eligible").description("Representatives who may vote, per open session and district").register(registry);
    voted = MultiGauge.builder("pingyi.turnout.voted").description("Ballots counted live, per open session and district").register(registry);
  }

  public void start() {
    vertx.setPeriodic(0, 5000, id -> refresh());
  }

  private void refresh() {
    // Only this query decides whether PostgreSQL is up: a Redis failure in the turnout read must not say so.
    pool.query(OPEN_SESSIONS).execute().timeout(3, TimeUnit.SECONDS)
        .onComplete(answered -> postgresUp.set(answered.succeeded() ? 1 : 0))
        .onSuccess(rows -> {
          List<String> sessions = new ArrayList<>();
          rows.forEach(row -> sessions.add(row.getString("id")));
          openSessions.set(sessions.size());
          countEligibleIfStale(sessions).compose(v -> turnout(sessions));
        });
    redis.call(vertx, c -> c.ping()).timeout(3, TimeUnit.SECONDS)
        .onSuccess(v -> redisUp.set(1)).onFailure(e -> redisUp.set(0));
  }

  private Future<Void> countEligibleIfStale(List<String> sessions) {
    long now = System.currentTimeMillis();
    if (sessions.equals(eligibleCountedFor) && now - eligibleCountedAt < ELIGIBLE_EVERY_MS) {
      return Future.succeededFuture();
    }
    return pool.query(ELIGIBLE).execute().timeout(3, TimeUnit.SECONDS).map(rows -> {
      Map<String, Map<String, Long>> bySession = new TreeMap<>();
      rows.forEach(r -> bySession.computeIfAbsent(r.getString("session"), k -> new TreeMap<>())
          .put(r.getString("district"), r.getLong("eligible")));
      Set<String> hidden = new HashSet<>();
      List<MultiGauge.Row<?>> counts = new ArrayList<>();
      bySession.forEach((session, districts) -> {
        Set<String> small = SmallCells.suppressed(districts, minCellSize);
        districts.forEach((district, n) -> {
          if (small.contains(district)) {
            hidden.add(session + "|" + district);
          } else {
            counts.add(MultiGauge.Row.of(Tags.of("session", session, "district", district), n));
          }
        });
      });
      suppressed = hidden;
      eligible.register(counts, true);
      eligibleCountedFor = sessions;
      eligibleCountedAt = now;
      return null;
    });
  }

  private Future<Void> turnout(List<String> sessions) {
    List<Future<List<MultiGauge.Row<?>>>> reads = new ArrayList<>();
    for (String session : sessions) {
      reads.add(tally.turnoutByDistrict(session)
          .map(byDistrict -> byDistrict.entrySet().stream().filter(e -> !suppressed.contains(session + "|" + e.getKey()))
              .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(
              Tags.of("session", session, "district", e.getKey()), e.getValue())).toList()));
    }
    return Future.all(reads).map(v -> {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      reads.forEach(f -> rows.addAll(f.result()));
      voted.register(rows, true);
      return null;
    });
  }
}
