package org.pingyi.session;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pingyi.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every engine instance, and through it every connected phone, that a session changed state. The instance
 * that made the change publishes on Redis; every instance also re-reads the states from PostgreSQL each second, so
 * a missed message (Redis down, a reconnect) delays a change by at most that much. Locally, changes go out on the
 * event bus address {@link #ADDRESS} as {"id","state","closesAt"}: a change of state, or of the closing time when an
 * operator extends a session (API.md's {"id","state"} with one more member, so phones can show the new time). What it
 * read is also the instance's in-memory view of every session's state and closing time ({@link #states()}), which
 * public reads answer from instead of querying PostgreSQL per request; a change made here is in that view before its
 * answer leaves.
 */
public final class SessionEvents implements AutoCloseable {
  public static final String ADDRESS = "pingyi.session.changed";
  static final String CHANNEL = "sessions";
  private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

  private final Vertx vertx;
  private final Context context;
  private final RedisStore redis;
  private final SessionRepository sessions;
  /** Touched only on {@link #context}. */
  private final Map<String, SessionStatus> known = new HashMap<>();
  /** Replaced whole, never changed in place: readers on any thread see one consistent snapshot. */
  private volatile Map<String, SessionStatus> states = Map.of();
  private StatefulRedisPubSubConnection<String, String> subscription;
  private long poller = -1;

  public SessionEvents(Vertx vertx, RedisStore redis, SessionRepository sessions) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.redis = redis;
    this.sessions = sessions;
  }

  /** Blocking first read and subscribe; call at start, before the HTTP server listens. */
  public void start() {
    merge(sessions.all().await().values());
    context.runOnContext(v -> {
      refresh();
      poller = vertx.setPeriodic(1000, id -> refresh());
    });
    try {
      subscription = redis.subscribe();
      subscription.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) {
          context.runOnContext(v -> refresh());
        }
      });
      subscription.async().subscribe(redis.key(CHANNEL));
    } catch (RuntimeException e) {
      LOG.warn("no Redis pub/sub for session changes ({}); relying on polling PostgreSQL", e.getClass().getSimpleName());
    }
  }

  /** The event phones receive for a session. */
  public static JsonObject event(SessionStatus status) {
    JsonObject event = new JsonObject().put("id", status.id()).put("state", status.state().name());
    return status.closesAt() == null ? event : event.put("closesAt", status.closesAt().toString());
  }

  /** Called after a transition (or an extension) committed on this instance. */
  public void changed(SessionStatus status) {
    merge(List.of(status));
    context.runOnContext(v -> refresh());
    String message = event(status).encode();
    redis.<Long>call(vertx, c -> c.publish(redis.key(CHANNEL), message))
        .onFailure(e -> LOG.warn("could not announce a session change on Redis ({}); instances will see it from PostgreSQL",
            e.getClass().getSimpleName()));
  }

  /** PostgreSQL is the truth: compare with what this instance knew and announce the differences locally. */
  private void refresh() {
    sessions.all().onSuccess(read -> merge(read.values())).onSuccess(read -> read.values().forEach(status -> {
      SessionStatus before = known.put(status.id(), status);
      if (before != null && (before.state() != status.state() || !Objects.equals(before.closesAt(), status.closesAt()))) {
        vertx.eventBus().publish(ADDRESS, event(status));
      }
    }));
  }

  /** Every session's state as this instance last read or changed it: at most about a second behind PostgreSQL. */
  public Map<String, SessionStatus> states() {
    return states;
  }

  /**
   * Keeps the newer of what is known and what arrives: by the time of the state change, and within one state by the
   * closing time, which an extension only ever moves later. A read that started before a transition or an extension
   * here committed cannot take the view back.
   */
  private synchronized void merge(Collection<SessionStatus> arrived) {
    Map<String, SessionStatus> next = new LinkedHashMap<>(states);
    boolean changed = false;
    for (SessionStatus status : arrived) {
      SessionStatus current = next.get(status.id());
      if (current == null || status.stateChangedAt().isAfter(current.stateChangedAt())
          || status.stateChangedAt().equals(current.stateChangedAt()) && later(status.closesAt(), current.closesAt())) {
        next.put(status.id(), status);
        changed = true;
      }
    }
    if (changed) {
      states = Collections.unmodifiableMap(next);
    }
  }

  private static boolean later(Instant candidate, Instant current) {
    return candidate != null && (current == null || candidate.isAfter(current));
  }

  @Override
  public void close() {
    if (poller >= 0) {
      vertx.cancelTimer(poller);
    }
    if (subscription != null) {
      subscription.close();
    }
  }
}
