package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.auth.AccessTokens;
import org.pingyi.edition.Edition;

/**
 * The author's side of the loop: suggest (at most {@link #MAX_PER_DAY} a local day, counted in the insert's own
 * transaction so every instance shares the count exactly), read one's own with their answers, rate an answer once.
 */
public final class AuthorActions {
  public static final int MAX_PER_DAY = 20;

  private final Edition edition;
  private final Pool pool;
  private final Clock clock;
  private final WorkingDays calendar;
  private final SuggestionRepository repository;
  private final Trail trail = new Trail();

  /** One of the author's suggestions with what they see of the one it was merged into, if it was. */
  public record Own(Suggestion suggestion, Suggestion followed, List<TrailStep> steps) {}

  public AuthorActions(Edition edition, Pool pool, Clock clock) {
    this.edition = edition;
    this.pool = pool;
    this.clock = clock;
    this.calendar = WorkingDays.of(edition);
    this.repository = new SuggestionRepository(edition.id());
  }

  public Future<SubmitOutcome> submit(Author author, Commands.Submission s) {
    Instant now = clock.instant();
    return pool.withTransaction(conn -> stillEligible(conn, author).compose(eligible -> {
      if (!eligible) {
        return Future.succeededFuture(new SubmitOutcome.NotEligible());
      }
      return conn.preparedQuery(SuggestionSql.TAKE_QUOTA).execute(Tuple.of(author.id(), calendar.day(now), MAX_PER_DAY))
          .compose(quota -> quota.size() == 0
              ? Future.succeededFuture(new SubmitOutcome.RateLimited(
                  Math.max(1, Duration.between(now, calendar.nextMidnight(now)).toSeconds())))
              : insert(conn, author, s, now));
    }));
  }

  private Future<SubmitOutcome> insert(SqlConnection conn, Author author, Commands.Submission s, Instant now) {
    return conn.preparedQuery(SuggestionSql.INSERT)
        .execute(Tuple.of(edition.id(), author.role().name(), author.id(), s.topic(), s.department(), s.text())
            .addValue(s.phone()).addValue(SuggestionRepository.at(now)))
        .compose(rows -> {
          Suggestion created = SuggestionRepository.toSuggestion(rows.iterator().next());
          return trail.record(conn, created, author.actor(), "submitted", now, new JsonObject()
                  .put("topic", s.topic()).put("department", s.department()).put("phone", s.phone() != null))
              .map(new SubmitOutcome.Created(created));
        });
  }

  /** A citizen always may; a representative only while active (a withdrawn one signs in as a citizen instead). */
  private Future<Boolean> stillEligible(SqlConnection conn, Author author) {
    if (author.role() != AccessTokens.Role.representative) {
      return Future.succeededFuture(true);
    }
    return conn.preparedQuery(SuggestionSql.REPRESENTATIVE_STATUS).execute(Tuple.of(author.id()))
        .map(rows -> rows.size() == 1 && "active".equals(rows.iterator().next().getString("status")));
  }

  /** The author's rating of the standing answer: satisfied closes, not satisfied reopens with a new due date. */
  public Future<StepOutcome> feedback(long id, Author author, Commands.Feedback f) {
    Instant now = clock.instant();
    Edition.Suggestions rules = edition.suggestionsOrDefault();
    Instant due = calendar.dueAfter(now, rules.answerWorkingDays());
    Instant urge = calendar.urgeAt(due, rules.urgeBeforeDays());
    return pool.withTransaction(conn -> conn.preparedQuery(SuggestionSql.FEEDBACK)
        .execute(Tuple.of(id, edition.id(), author.id(), f.satisfied(), f.comment(), SuggestionRepository.at(now))
            .addValue(SuggestionRepository.at(due)).addValue(SuggestionRepository.at(urge)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return repository.find(conn, id).map(found -> found.isEmpty() || !found.get().authorId().equals(author.id())
                ? new StepOutcome.NotFound()
                : new StepOutcome.WrongState(found.get().status(), "Feedback is open once per answer, while it is answered."));
          }
          Suggestion rated = SuggestionRepository.toSuggestion(rows.iterator().next());
          JsonObject detail = new JsonObject().put("satisfied", f.satisfied()).put("comment", f.comment() != null);
          if (!f.satisfied()) {
            detail.put("dueAt", due.toString());
          }
          return trail.record(conn, rated, author.actor(), "rated", now, detail).map(new StepOutcome.Done(rated));
        }));
  }

  public Future<List<Own>> mine(Author author) {
    return pool.withConnection(conn -> conn.preparedQuery(SuggestionSql.MINE)
        .execute(Tuple.of(edition.id(), author.role().name(), author.id()))
        .compose(rows -> {
          List<Own> own = new ArrayList<>();
          for (Row r : rows) {
            own.add(new Own(SuggestionRepository.toSuggestion(r), followed(r), List.of()));
          }
          if (own.isEmpty()) {
            return Future.succeededFuture(own);
          }
          return repository.trail(conn, own.stream().map(o -> o.suggestion().id()).toList()).map(steps -> own.stream()
              .map(o -> new Own(o.suggestion(), o.followed(), steps.stream().filter(st -> st.suggestionId() == o.suggestion().id()).toList()))
              .toList());
        }));
  }

  /** The suggestion a duplicate was merged into, as far as its author sees it: the answer and its due date. */
  private static Suggestion followed(Row r) {
    if (r.getLong("merged_into") == null || r.getString("target_status") == null) {
      return null;
    }
    return new Suggestion(r.getLong("merged_into"), null, null, null, null, null,
        SuggestionStatus.valueOf(r.getString("target_status")), null, List.of(), false, null, null, null,
        SuggestionRepository.instant(r, "target_due_at"), null, null, r.getString("target_answer"), r.getBoolean("target_adopted"),
        r.getString("target_plan"), SuggestionRepository.instant(r, "target_answered_at"), null, 0, null, null, null, 0, null, null);
  }
}
