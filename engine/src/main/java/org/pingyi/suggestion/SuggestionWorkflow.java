package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.Admin;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;

/**
 * The office's and the departments' steps: assign, transfer, answer, merge. Each is one transaction: a guarded
 * UPDATE that moves the row only from the states it may leave (and only for the department it belongs to), the
 * trail step and the audit entry, and the SMS the step owes. When the UPDATE moves nothing, the row is read on the
 * same connection to say why.
 */
public final class SuggestionWorkflow {
  private final Edition edition;
  private final Pool pool;
  private final Clock clock;
  private final WorkingDays calendar;
  private final SuggestionRepository repository;
  private final SuggestionNotices notices;
  private final Trail trail;

  public SuggestionWorkflow(Edition edition, Pool pool, Clock clock) {
    this.edition = edition;
    this.pool = pool;
    this.clock = clock;
    this.calendar = WorkingDays.of(edition);
    this.repository = new SuggestionRepository(edition.id());
    this.notices = new SuggestionNotices(edition);
    this.trail = new Trail();
  }

  public WorkingDays calendar() {
    return calendar;
  }

  /** received → assigned: the lead, co-handlers, and a due date answerWorkingDays working days on. */
  public Future<StepOutcome> assign(long id, Commands.Assignment a, Admin admin) {
    Instant now = clock.instant();
    Instant due = calendar.dueAfter(now, edition.suggestionsOrDefault().answerWorkingDays());
    Instant urge = calendar.urgeAt(due, edition.suggestionsOrDefault().urgeBeforeDays());
    return pool.withTransaction(conn -> conn.preparedQuery(SuggestionSql.ASSIGN)
        .execute(Tuple.of(id, edition.id(), a.lead(), a.coHandlers().toArray(String[]::new), SuggestionRepository.at(now),
            SuggestionRepository.at(due)).addValue(SuggestionRepository.at(urge)))
        .compose(rows -> rows.size() == 0
            ? explain(conn, id, admin, "assigned")
            : done(conn, SuggestionRepository.toSuggestion(rows.iterator().next()), admin.actor(), "assigned", now,
                new JsonObject().put("lead", a.lead()).put("coHandlers", a.coHandlers()).put("dueAt", due.toString()))));
  }

  /** Another lead, by the operator or by the current lead only; the clock keeps running. */
  public Future<StepOutcome> transfer(long id, Commands.Transfer t, Admin admin) {
    Instant now = clock.instant();
    String onlyIfLead = admin.role() == AdminRole.department ? admin.department() : null;
    return pool.withTransaction(conn -> conn.preparedQuery(SuggestionSql.TRANSFER)
        .execute(Tuple.of(id, edition.id(), t.to(), SuggestionRepository.at(now), onlyIfLead))
        .compose(rows -> {
          if (rows.size() == 0) {
            return explain(conn, id, admin, "transferred").map(outcome -> sameLead(outcome, t.to()));
          }
          var row = rows.iterator().next();
          return done(conn, SuggestionRepository.toSuggestion(row), admin.actor(), "transferred", now,
              new JsonObject().put("from", row.getString("from_lead")).put("to", t.to()).put("reason", t.reason()));
        }));
  }

  /** assigned or reopened → answered, by the lead; the authors who gave a phone are told by SMS. */
  public Future<StepOutcome> answer(long id, Commands.Answer a, Admin admin) {
    Instant now = clock.instant();
    return pool.withTransaction(conn -> conn.preparedQuery(SuggestionSql.ANSWER)
        .execute(Tuple.of(id, edition.id(), admin.department(), a.answer(), a.adopted(), a.plan())
            .addValue(SuggestionRepository.at(now)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return explain(conn, id, admin, "answered");
          }
          Suggestion answered = SuggestionRepository.toSuggestion(rows.iterator().next());
          return notices.answered(conn, id, answered.answerRound())
              .compose(told -> shareWithDuplicates(conn, answered, admin, now, told)
                  .compose(v -> done(conn, answered, admin.actor(), "answered", now, new JsonObject()
                      .put("adopted", a.adopted()).put("plan", a.plan() != null).put("onTime", answered.answeredOnTime())
                      .put("authorToldBySms", told.contains(id)))));
        }));
  }

  /** A duplicate → merged into another; its author follows that one's answer (and is told at once if it has one). */
  public Future<StepOutcome> merge(long id, Commands.Merge m, Admin admin) {
    if (m.into() == id) {
      return Future.succeededFuture(new StepOutcome.Refused(List.of(new FieldError("into", "a suggestion cannot merge into itself"))));
    }
    Instant now = clock.instant();
    return pool.withTransaction(conn -> conn.preparedQuery(SuggestionSql.LOCK_PAIR)
        .execute(Tuple.of(new Long[] {id, m.into()}, edition.id()))
        .compose(rows -> {
          Suggestion source = null;
          Suggestion target = null;
          for (var row : rows) {
            Suggestion s = SuggestionRepository.toSuggestion(row);
            if (s.id() == id) {
              source = s;
            } else {
              target = s;
            }
          }
          if (source == null) {
            return Future.succeededFuture(new StepOutcome.NotFound());
          }
          if (target == null || target.status() == SuggestionStatus.merged) {
            return Future.succeededFuture(new StepOutcome.Refused(List.of(new FieldError("into",
                target == null ? "no such suggestion" : "is itself merged into " + target.mergedInto()))));
          }
          return mergeLocked(conn, source, target, admin, now);
        }));
  }

  private Future<StepOutcome> mergeLocked(SqlConnection conn, Suggestion source, Suggestion target, Admin admin, Instant now) {
    return repository.duplicates(conn, source.id()).compose(duplicates -> {
      if (!duplicates.isEmpty()) {
        return Future.succeededFuture(new StepOutcome.WrongState(source.status(),
            "Other suggestions are merged into this one; merge them into " + target.id() + " first."));
      }
      return conn.preparedQuery(SuggestionSql.MERGE).execute(Tuple.of(source.id(), target.id(), SuggestionRepository.at(now)))
          .compose(rows -> {
            if (rows.size() == 0) {
              return Future.succeededFuture(new StepOutcome.WrongState(source.status(), "Only a suggestion not yet answered can be merged."));
            }
            Suggestion merged = SuggestionRepository.toSuggestion(rows.iterator().next());
            boolean answered = target.status() == SuggestionStatus.answered || target.status() == SuggestionStatus.closed;
            Future<List<Long>> told = answered ? notices.answered(conn, target.id(), target.answerRound()) : Future.succeededFuture(List.of());
            return told
                .compose(t -> trail.record(conn, target, admin.actor(), "duplicate_merged", now, new JsonObject().put("from", source.id())))
                .compose(v -> done(conn, merged, admin.actor(), "merged", now, new JsonObject().put("into", target.id())
                    .put("targetAnswered", answered)));
          });
    });
  }

  /** Each merged duplicate's trail shows the answer it now follows. */
  private Future<Void> shareWithDuplicates(SqlConnection conn, Suggestion answered, Admin admin, Instant now, List<Long> told) {
    return repository.duplicates(conn, answered.id()).compose(ids -> {
      Future<Void> chain = Future.succeededFuture();
      for (long duplicate : ids) {
        chain = chain.compose(v -> trail.recordId(conn, duplicate, SuggestionStatus.merged, answered.lead(), admin.actor(),
            "answer_shared", now, new JsonObject().put("from", answered.id()).put("authorToldBySms", told.contains(duplicate))));
      }
      return chain;
    });
  }

  private Future<StepOutcome> done(SqlClient conn, Suggestion s, String actor, String action, Instant now, JsonObject detail) {
    return trail.record(conn, s, actor, action, now, detail).map(new StepOutcome.Done(s));
  }

  /** Why a guarded UPDATE moved nothing, read on the transaction's own connection. */
  private Future<StepOutcome> explain(SqlConnection conn, long id, Admin admin, String step) {
    return repository.find(conn, id).map(found -> {
      if (found.isEmpty()) {
        return new StepOutcome.NotFound();
      }
      Suggestion s = found.get();
      if (admin.role() == AdminRole.department) {
        if (!s.handledBy(admin.department())) {
          return new StepOutcome.NotFound();
        }
        if (!admin.department().equals(s.lead())) {
          return new StepOutcome.NotAllowed("Only the lead department may take this step; a co-handler may not.");
        }
      }
      return new StepOutcome.WrongState(s.status(), "A " + s.status() + " suggestion cannot be " + step + ".");
    });
  }

  private static StepOutcome sameLead(StepOutcome outcome, String to) {
    if (outcome instanceof StepOutcome.WrongState wrong && wrong.status().awaitsAnswer()) {
      return new StepOutcome.Refused(List.of(new FieldError("to", "'" + to + "' already leads this suggestion")));
    }
    return outcome;
  }
}
