package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.ballot.StoredBallot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Redis in step with PostgreSQL. Committed ballots are counted right away; if Redis refuses (it is down),
 * the projection turns dirty and a sweep replays every ballot above the high-water mark that Redis has not counted,
 * once Redis is back. The mark only moves past ballots committed at least ten seconds ago, so a slow transaction
 * with a lower id is never skipped; replaying a ballot twice is harmless because counting is idempotent. Each engine
 * also sweeps the newly settled ballots every ten seconds, which covers another instance that died between its
 * commit and its count. A Redis failover may promote a replica that lacks counts the old master acknowledged:
 * every reconnect turns the projection dirty, so the next sweep (within a second) puts them back.
 */
public final class Projection {
  private static final Logger LOG = LoggerFactory.getLogger(Projection.class);
  static final int PAGE = 2000;
  private static final long SWEEP_EVERY_MS = 10_000;

  private final Vertx vertx;
  private final Pool pool;
  private final LiveTally tally;
  private final List<String> sessionIds;
  private volatile boolean dirty = true;
  private volatile long behindSince = System.currentTimeMillis();
  private boolean sweeping;
  private long lastSweep;
  private long timer = -1;

  public Projection(Vertx vertx, Pool pool, LiveTally tally, List<String> sessionIds) {
    this.vertx = vertx;
    this.pool = pool;
    this.tally = tally;
    this.sessionIds = List.copyOf(sessionIds);
  }

  public void start() {
    vertx.runOnContext(v -> timer = vertx.setPeriodic(0, 1000, id -> tick()));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Called by the writer right after a commit, on its context. */
  public void committed(List<StoredBallot> ballots) {
    tally.apply(ballots).onFailure(e -> {
      if (behindSince == 0) {
        behindSince = System.currentTimeMillis();
      }
      if (!dirty) {
        LOG.warn("live tally is behind: Redis did not take {} ballot(s) ({}); catching up when it answers",
            ballots.size(), e.getClass().getSimpleName());
      }
      dirty = true;
    });
  }

  /** Redis answers again, perhaps from a promoted replica: check everything above the mark at the next tick. */
  public void redisReconnected() {
    checkEverythingAtNextTick();
  }

  /**
   * A commit was cut off when PostgreSQL was lost (a failover, a reset connection): its ballots may have landed on
   * the server that takes over without this engine counting them, and the phone's retry then only finds them
   * stored. Check everything above the mark, settled or not, at the next tick (retried each second until the store
   * answers), instead of waiting for those ballots to settle.
   */
  public void commitUncertain() {
    checkEverythingAtNextTick();
  }

  private void checkEverythingAtNextTick() {
    if (behindSince == 0) {
      behindSince = System.currentTimeMillis();
    }
    dirty = true;
  }

  /** Seconds since the live tally fell behind PostgreSQL; 0 while it is in step. */
  public double behindSeconds() {
    long since = behindSince;
    return since == 0 ? 0 : (System.currentTimeMillis() - since) / 1000.0;
  }

  private void tick() {
    if (sweeping || (!dirty && System.currentTimeMillis() - lastSweep < SWEEP_EVERY_MS)) {
      return;
    }
    sweeping = true;
    boolean wasDirty = dirty;
    dirty = false;
    sweep(wasDirty).onComplete(done -> {
      sweeping = false;
      lastSweep = System.currentTimeMillis();
      if (done.failed()) {
        dirty = true;
      } else if (!dirty) {
        behindSince = 0;
        if (wasDirty) {
          LOG.info("live tally caught up: {} ballot(s) replayed", done.result());
        }
      }
    });
  }

  /**
   * Counts every ballot above the high-water mark that Redis is missing; answers how many it replayed. A routine
   * sweep looks only at settled ballots (the live projection of newer ones may still be on its way); after an
   * outage it looks at all of them, to catch up at once.
   */
  public Future<Long> sweep(boolean includeUnsettled) {
    return tally.highWaterMark(sessionIds).compose(mark -> page(mark, mark, includeUnsettled, 0));
  }

  private Future<Long> page(long cursor, long mark, boolean includeUnsettled, long replayed) {
    return pool.preparedQuery(BallotRows.KEYS_AFTER).execute(Tuple.of(cursor, PAGE)).compose(rows -> {
      List<BallotRows.Key> keys = new ArrayList<>(rows.size());
      long newMark = mark;
      boolean settled = true;
      for (Row row : rows) {
        settled = settled && Boolean.TRUE.equals(row.getBoolean("settled"));
        if (!settled && !includeUnsettled) {
          break;
        }
        BallotRows.Key key = BallotRows.Key.of(row);
        keys.add(key);
        if (settled) {
          newMark = key.id();
        }
      }
      long lastId = keys.isEmpty() ? cursor : keys.get(keys.size() - 1).id();
      long markToSet = newMark;
      boolean more = rows.size() == PAGE && keys.size() == PAGE;
      return tally.uncounted(keys)
          .compose(this::replay)
          .compose(n -> (markToSet > mark ? tally.raiseHighWaterMark(sessionIds, markToSet) : Future.<Void>succeededFuture())
              .compose(v -> more
                  ? page(lastId, markToSet, includeUnsettled, replayed + n)
                  : Future.succeededFuture(replayed + n)));
    });
  }

  private Future<Long> replay(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    return pool.preparedQuery(BallotRows.BY_IDS).execute(Tuple.of(ids.toArray(Long[]::new))).compose(rows -> {
      List<StoredBallot> ballots = new ArrayList<>(rows.size());
      rows.forEach(row -> ballots.add(BallotRows.toBallot(row)));
      return tally.apply(ballots).map((long) ballots.size());
    });
  }

  /** Rebuilds one session's counters from PostgreSQL alone; answers how many ballots it counted. */
  public Future<Long> recount(String sessionId) {
    return tally.clear(sessionId).compose(v -> recountPage(sessionId, 0, 0));
  }

  private Future<Long> recountPage(String sessionId, long after, long counted) {
    return pool.preparedQuery(BallotRows.SESSION_PAGE_AFTER).execute(Tuple.of(sessionId, after, PAGE)).compose(rows -> {
      List<StoredBallot> ballots = new ArrayList<>(rows.size());
      rows.forEach(row -> ballots.add(BallotRows.toBallot(row)));
      long total = counted + ballots.size();
      return tally.apply(ballots).compose(v -> rows.size() < PAGE || ballots.isEmpty()
          ? Future.succeededFuture(total)
          : recountPage(sessionId, ballots.get(ballots.size() - 1).id(), total));
    });
  }
}
