package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pingyi.edition.Edition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily job, once per local day across every instance (settled by the day's row in PostgreSQL, inserted in the
 * job's own transaction): urge what is due within urgeBeforeDays (one SMS per department to its contact number),
 * mark what is overdue, close what was answered and not rated within closeAfterDays. It runs at the first tick
 * after {@link #RUN_AT} local time, so departments are urged in office hours; what it finds depends only on the
 * rows, so a day the engine was down is caught up the next.
 */
public final class SuggestionDay {
  private static final Logger LOG = LoggerFactory.getLogger(SuggestionDay.class);
  static final LocalTime RUN_AT = LocalTime.of(8, 0);
  static final long TICK_MS = 1000;

  private final Vertx vertx;
  private final Edition edition;
  private final Pool pool;
  private final Clock clock;
  private final WorkingDays calendar;
  private final SuggestionNotices notices;
  private volatile LocalDate settled;
  private volatile Future<Boolean> running;
  private volatile long timer = -1;

  /** What one run did. */
  record Run(int urged, int overdue, int closed, int departmentsUrged) {}

  public SuggestionDay(Vertx vertx, Edition edition, Pool pool, Clock clock) {
    this.vertx = vertx;
    this.edition = edition;
    this.pool = pool;
    this.clock = clock;
    this.calendar = WorkingDays.of(edition);
    this.notices = new SuggestionNotices(edition);
  }

  public void start() {
    int year = clock.instant().atZone(edition.zone()).getYear();
    if (edition.suggestionsOrDefault().holidaysOrNone().stream().noneMatch(d -> d.getYear() == year)) {
      LOG.warn("suggestions.holidays lists no day of {}: deadlines this year skip weekends only; add the State Council's notice", year);
    }
    vertx.runOnContext(v -> timer = vertx.setPeriodic(TICK_MS, id -> runIfDue()));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Runs today's job if it is time and no instance has run it yet; true when this call did the work. */
  public synchronized Future<Boolean> runIfDue() {
    Instant now = clock.instant();
    var local = now.atZone(edition.zone());
    LocalDate day = local.toLocalDate();
    if (local.toLocalTime().isBefore(RUN_AT) || day.equals(settled)) {
      return Future.succeededFuture(false);
    }
    if (running != null && !running.isComplete()) {
      return Future.succeededFuture(false);
    }
    running = pool.withTransaction(conn -> conn.preparedQuery(SuggestionDaySql.CLAIM_DAY)
            .execute(Tuple.of(edition.id(), day, SuggestionRepository.at(now)))
            .compose(claimed -> claimed.size() == 0 ? Future.succeededFuture((Run) null) : work(conn, day, now)))
        .map(run -> {
          settled = day;
          if (run != null) {
            LOG.info("suggestions' daily job for {}: {} urged ({} departments), {} overdue, {} closed unrated", day,
                run.urged(), run.departmentsUrged(), run.overdue(), run.closed());
          }
          return run != null;
        })
        .onFailure(e -> LOG.warn("suggestions' daily job for {} failed, will retry: {}", day, e.toString()));
    return running;
  }

  private Future<Run> work(SqlConnection conn, LocalDate day, Instant now) {
    Edition.Suggestions rules = edition.suggestionsOrDefault();
    Instant closeBefore = now.minus(Duration.ofDays(rules.closeAfterDays()));
    Map<String, long[]> byDepartment = new TreeMap<>();
    Map<String, Instant> dueOf = new TreeMap<>();
    return conn.preparedQuery(SuggestionDaySql.URGE).execute(Tuple.of(edition.id(), SuggestionRepository.at(now)))
        .compose(urged -> {
          for (Row r : urged) {
            byDepartment.computeIfAbsent(r.getString("lead"), d -> new long[2])[0] = r.getLong("n");
            dueOf.put(r.getString("lead"), SuggestionRepository.instant(r, "first_due"));
          }
          return conn.preparedQuery(SuggestionDaySql.MARK_OVERDUE).execute(Tuple.of(edition.id(), SuggestionRepository.at(now)));
        })
        .compose(late -> {
          for (Row r : late) {
            byDepartment.computeIfAbsent(r.getString("lead"), d -> new long[2])[1] = r.getLong("n");
          }
          return conn.preparedQuery(SuggestionDaySql.CLOSE_UNRATED)
              .execute(Tuple.of(edition.id(), SuggestionRepository.at(now), SuggestionRepository.at(closeBefore)));
        })
        .compose(closed -> {
          int closedCount = closed.iterator().next().getLong("n").intValue();
          List<Future<Boolean>> sms = new ArrayList<>();
          byDepartment.forEach((department, counts) ->
              sms.add(notices.urge(conn, day, department, counts[0], counts[1], dueOf.get(department), calendar)));
          int urged = (int) byDepartment.values().stream().mapToLong(c -> c[0]).sum();
          int overdue = (int) byDepartment.values().stream().mapToLong(c -> c[1]).sum();
          return Future.all(sms).compose(v -> conn.preparedQuery(SuggestionDaySql.RECORD_DAY)
              .execute(Tuple.of(edition.id(), day, urged, overdue, closedCount))
              .map(new Run(urged, overdue, closedCount, byDepartment.size())));
        });
  }
}
