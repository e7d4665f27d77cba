package org.pingyi.tally;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turnout poll per watched session on this instance, however many consoles follow it: while at least one
 * console watches a session, its counters are read from Redis once a second and its eligible counts from
 * PostgreSQL every ten seconds; a changed payload goes out once, on the local event bus address
 * {@link #address(String)}, to every console's stream. A console costs one write per change.
 */
public final class TurnoutFeed {
  private static final Logger LOG = LoggerFactory.getLogger(TurnoutFeed.class);
  private static final long EVERY_MS = 1000;
  private static final long ELIGIBLE_EVERY_MS = 10_000;

  private final Vertx vertx;
  private final Context context;
  private final Turnout turnout;
  /** Touched only on {@link #context}. */
  private final Map<String, Watch> watched = new HashMap<>();

  private static final class Watch {
    int consoles;
    long timer = -1;
    Map<String, Long> eligible;
    long eligibleAt;
    String last;
    boolean reading;
    Future<String> first;
  }

  public TurnoutFeed(Vertx vertx, Turnout turnout) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.turnout = turnout;
  }

  public static String address(String sessionId) {
    return "pingyi.turnout." + sessionId;
  }

  /** A console starts following a session: answers the current payload (encoded) and keeps the poll going. */
  public Future<String> join(String sessionId) {
    Promise<String> answer = Promise.promise();
    context.runOnContext(v -> {
      Watch watch = watched.computeIfAbsent(sessionId, id -> new Watch());
      watch.consoles++;
      if (watch.timer < 0) {
        watch.timer = vertx.setPeriodic(EVERY_MS, EVERY_MS, t -> poll(sessionId, watch));
      }
      if (watch.last != null) {
        answer.complete(watch.last);
        return;
      }
      if (watch.first == null) {
        watch.first = read(sessionId, watch).onComplete(done -> watch.first = null);
      }
      watch.first.onComplete(answer);
    });
    return answer.future();
  }

  /** A console stopped following; the last one leaving stops the poll. */
  public void leave(String sessionId) {
    context.runOnContext(v -> {
      Watch watch = watched.get(sessionId);
      if (watch != null && --watch.consoles <= 0) {
        vertx.cancelTimer(watch.timer);
        watched.remove(sessionId);
      }
    });
  }

  private void poll(String sessionId, Watch watch) {
    if (watch.reading) {
      return;
    }
    String before = watch.last;
    read(sessionId, watch).onSuccess(payload -> {
      if (!payload.equals(before) && watched.get(sessionId) == watch) {
        vertx.eventBus().publish(address(sessionId), payload);
      }
    });
  }

  /** Reads the counters (and the eligible counts when stale) and keeps the payload as the latest. */
  private Future<String> read(String sessionId, Watch watch) {
    watch.reading = true;
    long now = System.currentTimeMillis();
    Future<Map<String, Long>> eligible = watch.eligible != null && now - watch.eligibleAt < ELIGIBLE_EVERY_MS
        ? Future.succeededFuture(watch.eligible)
        : turnout.eligible(sessionId).map(counts -> {
            watch.eligible = counts;
            watch.eligibleAt = now;
            return counts;
          });
    Future<LiveTally.Counted> counted = turnout.counted(sessionId);
    Promise<String> done = Promise.promise();
    Future.all(eligible, counted).map(v -> turnout.payload(eligible.result(), counted.result()).encode())
        .onComplete(result -> context.runOnContext(v -> {
          watch.reading = false;
          if (result.succeeded()) {
            watch.last = result.result();
            done.complete(result.result());
          } else {
            LOG.debug("turnout of {} not read this second: {}", sessionId, result.cause().toString());
            done.fail(result.cause());
          }
        }));
    return done.future();
  }
}
