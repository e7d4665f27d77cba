package org.pingyi.outreach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pingyi.edition.Edition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the reminder outbox: every tick it claims at most {@code perTick} due messages (the rate limit), skips
 * representatives who have voted meanwhile or whose session no longer takes ballots, sends the rest, and records
 * sent, or a retry after a growing pause, or failed after {@link #MAX_ATTEMPTS}. A claim is a lease: if the engine
 * dies mid-send the message is claimed again once the lease runs out, with the same message id so the provider can
 * drop the repeat. What a tick's budget leaves after the reminders goes to the general outbox ({@link SmsOutbox}:
 * suggestion notices), sent the same way. Phones never reach logs or metrics.
 */
public final class ReminderSender {
  private static final Logger LOG = LoggerFactory.getLogger(ReminderSender.class);
  static final int MAX_ATTEMPTS = 4;
  static final long TICK_MS = 200;
  static final int LEASE_SECONDS = 10;

  private final Vertx vertx;
  private final Pool pool;
  private final SmsGateway gateway;
  private final Edition edition;
  private final int perTick;
  private final Consumer<String> outcomes;
  private final Consumer<String> notices;
  private boolean busy;
  private volatile Future<Void> inFlight = Future.succeededFuture();
  private volatile long timer = -1;

  public ReminderSender(Vertx vertx, Pool pool, SmsGateway gateway, Edition edition, int perSecond, Consumer<String> outcomes) {
    this(vertx, pool, gateway, edition, perSecond, outcomes, outcome -> { });
  }

  /** {@code notices}: where the general outbox's outcomes are counted, apart from the reminders'. */
  public ReminderSender(Vertx vertx, Pool pool, SmsGateway gateway, Edition edition, int perSecond, Consumer<String> outcomes,
      Consumer<String> notices) {
    this.vertx = vertx;
    this.pool = pool;
    this.gateway = gateway;
    this.edition = edition;
    this.perTick = Math.max(1, (int) (perSecond * TICK_MS / 1000));
    this.outcomes = outcomes;
    this.notices = notices;
  }

  public void start() {
    vertx.runOnContext(v -> timer = vertx.setPeriodic(TICK_MS, id -> tick()));
  }

  /** Stops claiming and answers when the sends already under way are settled, so a graceful stop repeats none. */
  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return inFlight;
  }

  private void tick() {
    if (busy) {
      return;
    }
    busy = true;
    inFlight = pool.preparedQuery(ReminderSql.CLAIM).execute(Tuple.of(perTick, LEASE_SECONDS))
        .compose(rows -> {
          List<Future<Void>> sends = new ArrayList<>();
          rows.forEach(row -> sends.add(handle(row)));
          int left = perTick - rows.size();
          if (left > 0) {
            sends.add(pool.preparedQuery(OutboxSql.CLAIM).execute(Tuple.of(left, LEASE_SECONDS)).compose(claimed -> {
              List<Future<Void>> more = new ArrayList<>();
              claimed.forEach(row -> more.add(handleNotice(row)));
              return Future.join(more).mapEmpty();
            }));
          }
          return Future.join(sends);
        })
        .<Void>mapEmpty()
        .onComplete(done -> busy = false);
  }

  private Future<Void> handle(Row row) {
    String wave = row.getString("wave_id");
    String representative = row.getString("representative_id");
    if (Boolean.TRUE.equals(row.getBoolean("voted")) || !"open".equals(row.getString("state"))) {
      outcomes.accept("skipped");
      return settle(wave, representative, "skipped", null, 0);
    }
    SmsMessage message = new SmsMessage(wave, wave + ":" + representative, row.getString("phone"), text(row));
    int attempts = row.getInteger("attempts");
    return gateway.send(message)
        .compose(v -> {
          outcomes.accept("sent");
          return settle(wave, representative, "sent", null, 0);
        }, e -> {
          String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          if (attempts >= MAX_ATTEMPTS) {
            outcomes.accept("failed");
            LOG.warn("reminder of wave {} failed after {} attempts: {}", wave, attempts, error);
            return settle(wave, representative, "failed", error, 0);
          }
          outcomes.accept("retried");
          return settle(wave, representative, "queued", error, 1L << (attempts - 1));
        });
  }

  private Future<Void> handleNotice(Row row) {
    long id = row.getLong("id");
    int attempts = row.getInteger("attempts");
    SmsMessage message = new SmsMessage(null, row.getString("message_id"), row.getString("to_phone"), row.getString("text"));
    return gateway.send(message)
        .compose(v -> {
          notices.accept("sent");
          return settleNotice(id, "sent", null, 0);
        }, e -> {
          String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          if (attempts >= MAX_ATTEMPTS) {
            notices.accept("failed");
            LOG.warn("{} notice failed after {} attempts: {}", row.getString("purpose"), attempts, error);
            return settleNotice(id, "failed", error, 0);
          }
          notices.accept("retried");
          return settleNotice(id, "queued", error, 1L << (attempts - 1));
        });
  }

  private Future<Void> settleNotice(long id, String status, String error, long retryInSeconds) {
    return pool.preparedQuery(OutboxSql.SETTLE).execute(Tuple.of(id, status, error, (double) retryInSeconds)).mapEmpty();
  }

  private Future<Void> settle(String wave, String representative, String status, String error, long retryInSeconds) {
    return pool.preparedQuery(ReminderSql.SETTLE)
        .execute(Tuple.of(wave, representative, status, error, (double) retryInSeconds)).mapEmpty();
  }

  private String text(Row row) {
    String group = edition.group(row.getString("group_code")).map(Edition.Group::name).orElse("");
    String closes = row.getOffsetDateTime("closes_at").atZoneSameInstant(zone()).format(DateTimeFormatter.ofPattern("M月d日 HH:mm"));
    return edition.remindersOrDefault().text().replace("{group}", group).replace("{closes}", closes);
  }

  private ZoneId zone() {
    return edition.timezone() == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(edition.timezone());
  }
}
