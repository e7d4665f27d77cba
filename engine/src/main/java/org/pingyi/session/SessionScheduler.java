package org.pingyi.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pingyi.edition.Edition;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the edition's {@code schedule: automatic} sessions at opensAt and closes them at closesAt (as extended),
 * checking once a second on every instance. Each step goes through {@link SessionLifecycle#apply}, whose guarded
 * UPDATE lets exactly one instance win: the winner audits and announces in its transaction, the others are refused
 * and say nothing. A session whose whole window passed while no instance ran stays scheduled (an operator extends
 * it, then opens it by hand); a session opened or closed by hand is simply not due any more.
 */
public final class SessionScheduler {
  public static final String ACTOR = "system:scheduler";
  private static final Logger LOG = LoggerFactory.getLogger(SessionScheduler.class);
  private static final long CHECK_EVERY_MS = 1000;

  private final Vertx vertx;
  private final Context context;
  private final List<Edition.Session> automatic;
  private final SessionRepository sessions;
  private final SessionLifecycle lifecycle;
  private final Clock clock;
  private final Counter checks;
  /** Touched only on {@link #context}. */
  private final Set<String> inFlight = new HashSet<>();
  private final Set<String> missed = new HashSet<>();
  private long timer = -1;

  /** @param sessions for the once-a-second read: on a pool apart from the ballot writer's */
  public SessionScheduler(Vertx vertx, Edition edition, SessionRepository sessions, SessionLifecycle lifecycle, Clock clock,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.automatic = edition.sessions().stream().filter(s -> s.scheduleOrManual() == Edition.Schedule.automatic).toList();
    this.sessions = sessions;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.checks = Counter.builder("pingyi.schedule.checks")
        .description("Checks of the automatic schedule by this instance that read the sessions").register(registry);
  }

  public void start() {
    if (automatic.isEmpty()) {
      return;
    }
    context.runOnContext(v -> timer = vertx.setPeriodic(0, CHECK_EVERY_MS, id -> check()));
  }

  public void stop() {
    context.runOnContext(v -> {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    });
  }

  /** The step due for a session now: "open", "close" or null. */
  static String due(Edition.Session session, SessionStatus status, Instant now) {
    if (status == null) {
      return null;
    }
    Instant closesAt = status.closesAt() == null ? session.closesAt() : status.closesAt();
    return switch (status.state()) {
      case scheduled -> !now.isBefore(session.opensAt()) && now.isBefore(closesAt) ? "open" : null;
      case open -> !now.isBefore(closesAt) ? "close" : null;
      default -> null;
    };
  }

  private void check() {
    Instant now = clock.instant();
    sessions.all().onSuccess(states -> {
      checks.increment();
      for (Edition.Session session : automatic) {
        SessionStatus status = states.get(session.id());
        warnIfMissed(session, status, now);
        String action = due(session, status, now);
        if (action != null && inFlight.add(session.id())) {
          lifecycle.apply(session.id(), action, ACTOR)
              .onComplete(done -> context.runOnContext(v -> inFlight.remove(session.id())))
              .onSuccess(s -> LOG.info("session {} {} by the schedule", session.id(), s.state()))
              .onFailure(e -> {
                if (!(e instanceof ProblemException p && p.code() == ProblemCode.invalid_transition)) {
                  LOG.warn("automatic {} of session {} failed ({}); trying again in a second", action, session.id(), e.toString());
                }
              });
        }
      }
    }).onFailure(e -> LOG.warn("cannot read the sessions for the schedule ({})", e.getClass().getSimpleName()));
  }

  private void warnIfMissed(Edition.Session session, SessionStatus status, Instant now) {
    if (status != null && status.state() == SessionState.scheduled && status.closesAt() != null
        && !now.isBefore(status.closesAt()) && missed.add(session.id())) {
      LOG.warn("session {} was due to open at {} and close at {}, and that time has passed: it stays scheduled; "
          + "extend it, then open it by hand", session.id(), session.opensAt(), status.closesAt());
    }
  }
}
