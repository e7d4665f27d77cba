package org.pingyi.session;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
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
 * operator extends a session (API.md's {"id","state"} with one more member, so phones can show the new time).
 */
public final class SessionEvents implements AutoCloseable {
  public static final String ADDRESS = "pingyi.session.changed";
  static final String CHANNEL = "pingyi:sessions";
  private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

  private final Vertx vertx;
  private final Context context;
  private final RedisStore redis;
  private final SessionRepository sessions;
  /** Touched only on {@link #context}. */
  private final Map<String, SessionStatus> known = new HashMap<>();
  private StatefulRedisPubSubConnection<String, String> subscription;
  private long poller = -1;

  public SessionEvents(Vertx vertx, RedisStore redis, SessionRepository sessions) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.redis = redis;
    this.sessions = sessions;
  }

  /** Blocking subscribe; call at start. */
  public void start() {
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
      subscription.async().subscribe(CHANNEL);
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
    context.runOnContext(v -> refresh());
    String message = event(status).encode();
    redis.<Long>call(vertx, c -> c.publish(CHANNEL, message))
        .onFailure(e -> LOG.warn("could not announce a session change on Redis ({}); instances will see it from PostgreSQL",
            e.getClass().getSimpleName()));
  }

  /** PostgreSQL is the truth: compare with what this instance knew and announce the differences locally. */
  private void refresh() {
    sessions.all().onSuccess(states -> states.values().forEach(status -> {
      SessionStatus before = known.put(status.id(), status);
      if (before != null && (before.state() != status.state() || !Objects.equals(before.closesAt(), status.closesAt()))) {
        vertx.eventBus().publish(ADDRESS, event(status));
      }
    }));
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
