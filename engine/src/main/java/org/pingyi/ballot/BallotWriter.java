package org.pingyi.ballot;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.pingyi.http.FailureHandler;
import org.pingyi.http.ProblemException;

/**
 * Group commit. Ballots from every event loop queue up on the writer's own context; whenever one of its
 * {@code maxInFlight} slots is free it writes everything queued (up to {@code maxBatch}) with one multi-row
 * INSERT, which is one commit. An idle engine therefore commits a single ballot at once, and a burst is carried
 * in a few large batches instead of thousands of small transactions. Each caller learns its outcome only after
 * the commit. At most {@code maxAdmitted} ballots wait or are being written at once; beyond that a ballot is turned
 * away at once with 503 and Retry-After (nothing stored, the phone retries with the same Idempotency-Key) instead of
 * joining a queue whose wait would outlast the phone's patience.
 */
public final class BallotWriter {
  private static final long FLUSH_TIMEOUT_MS = 10_000;
  /**
   * When the database is lost during a commit the ballot may or may not have landed: the retry with the same
   * Idempotency-Key finds it (200, the same receipt) or stores it (201), never a second one.
   */
  static final String IN_FLIGHT_LOST = "The ballot store is briefly unavailable; please retry with the same "
      + "Idempotency-Key: a ballot is never stored twice.";
  private static final int SHED_RETRY_AFTER_SECONDS = 1;

  /** {@code key} is session and representative, the unique pair of the ballots table. */
  private record Pending(Ballot ballot, String key, String receipt, Promise<WriteOutcome> promise, Context caller,
      long queuedAt) {}

  /**
   * The outcomes of one batch, handed back to each caller's context in one task per context rather than one per
   * ballot: a batch of 500 wakes each event loop once, not 500 times.
   */
  private static final class Settlements {
    private final Map<Context, List<Runnable>> byContext = new HashMap<>(4);

    void settle(Pending p, WriteOutcome outcome) {
      add(p, () -> p.promise().tryComplete(outcome));
    }

    void fail(Pending p, Throwable failure) {
      add(p, () -> p.promise().tryFail(failure));
    }

    private void add(Pending p, Runnable completion) {
      if (p.caller() == null) {
        completion.run();
      } else {
        byContext.computeIfAbsent(p.caller(), c -> new ArrayList<>()).add(completion);
      }
    }

    void dispatch() {
      byContext.forEach((context, completions) -> context.runOnContext(v -> completions.forEach(Runnable::run)));
    }
  }

  private final Pool pool;
  private final Context context;
  private final int maxBatch;
  private final int maxInFlight;
  private final Consumer<List<StoredBallot>> onCommitted;
  private final Runnable onCommitUncertain;
  private final IntConsumer batchSizes;
  private final LongConsumer commitNanos;
  /** Filled from every event loop; drained on the writer's context by one task at a time. */
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final int maxAdmitted;
  /** Ballots submitted whose outcome is not known yet, from every event loop. */
  private final AtomicInteger admitted = new AtomicInteger();
  private int inFlight;

  /**
   * @param onCommitted the ballots a commit stored, on the writer's context
   * @param onCommitUncertain a commit failed as seen from here (the database lost mid-commit, a timeout): its
   *     ballots may have landed all the same, uncounted
   */
  public BallotWriter(Vertx vertx, Pool pool, int maxBatch, int maxInFlight, int maxAdmitted,
      Consumer<List<StoredBallot>> onCommitted, Runnable onCommitUncertain, IntConsumer batchSizes,
      LongConsumer commitNanos) {
    this.pool = pool;
    this.maxAdmitted = maxAdmitted;
    this.context = vertx.getOrCreateContext();
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.onCommitted = onCommitted;
    this.onCommitUncertain = onCommitUncertain;
    this.batchSizes = batchSizes;
    this.commitNanos = commitNanos;
  }

  /** Queues a validated ballot; the future completes on the caller's context once its fate is committed. */
  public Future<WriteOutcome> submit(Ballot ballot) {
    if (admitted.incrementAndGet() > maxAdmitted) {
      admitted.decrementAndGet();
      return Future.failedFuture(ProblemException.unavailable(
          "Many ballots are arriving at once; yours was not stored, please retry in a moment.", SHED_RETRY_AFTER_SECONDS));
    }
    Promise<WriteOutcome> promise = Promise.promise();
    promise.future().onComplete(done -> admitted.decrementAndGet());
    Pending pending = new Pending(ballot, ballot.sessionId() + "\u0000" + ballot.representativeId(), Receipts.next(),
        promise, Vertx.currentContext(), System.nanoTime());
    queue.add(pending);
    // One task wakes the writer for however many ballots arrive meanwhile, instead of a task per ballot.
    if (drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        drainScheduled.set(false);
        drain();
      });
    }
    return promise.future();
  }

  /** Ballots waiting or being written now. */
  public int admitted() {
    return admitted.get();
  }

  private void drain() {
    while (inFlight < maxInFlight && !queue.isEmpty()) {
      List<Pending> batch = new ArrayList<>();
      Pending next;
      while (batch.size() < maxBatch && (next = queue.poll()) != null) {
        batch.add(next);
      }
      inFlight++;
      batchSizes.accept(batch.size());
      flush(batch, true).onComplete(done -> {
        if (done.failed()) {
          onCommitUncertain.run();
          Throwable failure = toClientFailure(done.cause());
          Settlements failed = new Settlements();
          batch.forEach(p -> failed.fail(p, failure));
          failed.dispatch();
        }
        inFlight--;
        drain();
      });
    }
  }

  private Future<Void> flush(List<Pending> batch, boolean mayRetry) {
    Map<String, Pending> unique = new HashMap<>();
    List<Pending> repeats = new ArrayList<>();
    for (Pending p : batch) {
      if (unique.putIfAbsent(p.key(), p) != null) {
        repeats.add(p);
      }
    }
    // Same order in every batch, so two concurrent batches never wait on each other's rows in a cycle.
    List<Pending> rows = new ArrayList<>(unique.values());
    rows.sort(Comparator.comparing(Pending::key));
    return pool.preparedQuery(BallotSql.INSERT_BATCH).execute(insertTuple(rows))
        .timeout(FLUSH_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .compose(inserted -> settleInserted(rows, repeats, inserted))
        .recover(e -> mayRetry && isSerializationConflict(e) ? flush(batch, false) : Future.failedFuture(e));
  }

  private Future<Void> settleInserted(List<Pending> rows, List<Pending> repeats, RowSet<Row> inserted) {
    Map<String, Row> byReceipt = new HashMap<>();
    inserted.forEach(row -> byReceipt.put(row.getString("receipt"), row));
    List<StoredBallot> stored = new ArrayList<>(byReceipt.size());
    List<Pending> refused = new ArrayList<>(repeats);
    Settlements settlements = new Settlements();
    for (Pending p : rows) {
      Row row = byReceipt.get(p.receipt());
      if (row == null) {
        refused.add(p);
        continue;
      }
      BallotReceipt receipt = new BallotReceipt(row.getLong("id"), p.receipt(), p.ballot().sessionId(),
          row.getOffsetDateTime("submitted_at").toInstant());
      stored.add(new StoredBallot(receipt.ballotId(), p.ballot().sessionId(), p.ballot().representativeId(),
          row.getString("weight_class"), row.getString("district"), p.ballot().scores()));
      commitNanos.accept(System.nanoTime() - p.queuedAt());
      settlements.settle(p, new WriteOutcome.Stored(receipt));
    }
    settlements.dispatch();
    if (!stored.isEmpty()) {
      onCommitted.accept(stored);
    }
    return refused.isEmpty() ? Future.succeededFuture() : explain(refused);
  }

  /** Settles the ballots the insert skipped: a replay, a second ballot, a closed session or an ineligible voter. */
  private Future<Void> explain(List<Pending> refused) {
    Tuple keys = Tuple.tuple()
        .addArrayOfString(refused.stream().map(p -> p.ballot().sessionId()).toArray(String[]::new))
        .addArrayOfString(refused.stream().map(p -> p.ballot().representativeId()).toArray(String[]::new));
    return pool.withTransaction(conn -> conn.query(BallotSql.PLAN_AFRESH).execute()
        .compose(planned -> conn.preparedQuery(BallotSql.EXPLAIN_REFUSALS).execute(keys))).map(rows -> {
      Map<String, Row> byKey = new HashMap<>();
      rows.forEach(row -> byKey.put(row.getString("session_id") + "\u0000" + row.getString("representative_id"), row));
      Settlements settlements = new Settlements();
      for (Pending p : refused) {
        settlements.settle(p, outcomeOf(p, byKey.get(p.key())));
      }
      settlements.dispatch();
      return null;
    });
  }

  private static WriteOutcome outcomeOf(Pending p, Row row) {
    if (row == null) {
      return new WriteOutcome.SessionNotOpen();
    }
    Long existing = row.getLong("id");
    if (existing != null) {
      boolean sameRetry = p.ballot().idempotencyKey() != null
          && Objects.equals(p.ballot().idempotencyKey(), row.getString("idempotency_key"))
          && Objects.equals(p.ballot().bodyHash(), row.getString("body_hash"));
      return sameRetry
          ? new WriteOutcome.Replayed(new BallotReceipt(existing, row.getString("receipt"), p.ballot().sessionId(),
              row.getOffsetDateTime("submitted_at").toInstant()))
          : new WriteOutcome.AlreadyVoted();
    }
    if (!"open".equals(row.getString("state"))) {
      return new WriteOutcome.SessionNotOpen();
    }
    return new WriteOutcome.NotEligible();
  }

  private static Tuple insertTuple(List<Pending> rows) {
    int n = rows.size();
    String[][] c = new String[8][n];
    for (int i = 0; i < n; i++) {
      Pending p = rows.get(i);
      Ballot b = p.ballot();
      c[0][i] = b.sessionId();
      c[1][i] = b.representativeId();
      c[2][i] = b.scoresJson();
      c[3][i] = b.commentsJson();
      c[4][i] = b.surveyJson();
      c[5][i] = p.receipt();
      c[6][i] = b.idempotencyKey();
      c[7][i] = b.bodyHash();
    }
    Tuple tuple = Tuple.tuple();
    for (String[] column : c) {
      tuple.addArrayOfString(column);
    }
    return tuple;
  }

  private static boolean isSerializationConflict(Throwable e) {
    return e instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
  }

  private static Throwable toClientFailure(Throwable cause) {
    return FailureHandler.isOutage(cause)
        ? ProblemException.unavailable(IN_FLIGHT_LOST, 2)
        : cause;
  }
}
