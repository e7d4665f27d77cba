package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.Admin;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;
import org.pingyi.http.FieldError;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * The office's and the departments' routes. The operator sees every queue and assigns, transfers and merges; a
 * department token (department:&lt;code&gt;) sees only what its department leads or co-handles, by list, by id and by
 * CSV (anything else is 404 to it), answers what it leads and transfers it on. Figures for operators, auditors and
 * each department (its own row).
 */
public final class SuggestionAdminRoutes {
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;
  static final int SIMILAR_SHOWN = 5;

  private final Vertx vertx;
  private final Edition edition;
  private final Pool pool;
  private final Clock clock;
  private final SuggestionWorkflow workflow;
  private final SuggestionStats stats;
  private final SuggestionRepository repository;
  private final AdminGuard guard;
  private final SuggestionBodies bodies;

  public SuggestionAdminRoutes(Vertx vertx, Edition edition, Pool pool, Clock clock, SuggestionWorkflow workflow,
      SuggestionStats stats, AdminGuard guard) {
    this.vertx = vertx;
    this.edition = edition;
    this.pool = pool;
    this.clock = clock;
    this.workflow = workflow;
    this.stats = stats;
    this.repository = new SuggestionRepository(edition.id());
    this.guard = guard;
    this.bodies = new SuggestionBodies(edition);
  }

  public void mount(Router router) {
    // Queues and exports: the office sees all, a department its own.
    router.get("/api/v1/admin/suggestions").handler(guard.require(AdminRole.operator, AdminRole.department)).handler(this::list);
    router.get("/api/v1/admin/suggestions.csv").handler(guard.require(AdminRole.operator, AdminRole.department)).handler(this::export);
    // Figures (before /:id, which would take "stats").
    router.get("/api/v1/admin/suggestions/stats")
        .handler(guard.require(AdminRole.operator, AdminRole.auditor, AdminRole.department)).handler(this::figures);
    router.get("/api/v1/admin/suggestions/stats.csv")
        .handler(guard.require(AdminRole.operator, AdminRole.auditor, AdminRole.department)).handler(this::figuresCsv);
    // One suggestion with its whole trail; possible duplicates for the office.
    router.get("/api/v1/admin/suggestions/:id").handler(guard.require(AdminRole.operator, AdminRole.department)).handler(this::one);
    router.get("/api/v1/admin/suggestions/:id/similar").handler(guard.require(AdminRole.operator)).handler(this::similar);
    // Steps of the loop.
    router.post("/api/v1/admin/suggestions/:id/assign").handler(guard.require(AdminRole.operator))
        .handler(ctx -> step(ctx, workflow.assign(Outcomes.id(ctx), bodies.assignment(ctx), AdminGuard.of(ctx))));
    router.post("/api/v1/admin/suggestions/:id/transfer").handler(guard.require(AdminRole.operator, AdminRole.department))
        .handler(ctx -> step(ctx, workflow.transfer(Outcomes.id(ctx), bodies.transfer(ctx), AdminGuard.of(ctx))));
    router.post("/api/v1/admin/suggestions/:id/answer").handler(guard.require(AdminRole.department))
        .handler(ctx -> step(ctx, workflow.answer(Outcomes.id(ctx), bodies.answer(ctx), AdminGuard.of(ctx))));
    router.post("/api/v1/admin/suggestions/:id/merge").handler(guard.require(AdminRole.operator))
        .handler(ctx -> step(ctx, workflow.merge(Outcomes.id(ctx), bodies.merge(ctx), AdminGuard.of(ctx))));
  }

  private void step(RoutingContext ctx, Future<StepOutcome> outcome) {
    Admin admin = AdminGuard.of(ctx);
    outcome.onSuccess(o -> Outcomes.send(ctx, o, s -> SuggestionJson.handling(s, clock.instant(), office(admin))))
        .onFailure(ctx::fail);
  }

  private static boolean office(Admin admin) {
    return admin.role() != AdminRole.department;
  }

  private static String scope(Admin admin) {
    return admin.role() == AdminRole.department ? admin.department() : null;
  }

  private void list(RoutingContext ctx) {
    Admin admin = AdminGuard.of(ctx);
    var now = clock.instant();
    repository.list(pool, query(ctx, admin, true), now).onSuccess(page -> {
      JsonArray items = new JsonArray();
      page.items().forEach(s -> items.add(SuggestionJson.handling(s, now, office(admin))));
      ctx.json(new JsonObject().put("total", page.total()).put("suggestions", items));
    }).onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    Admin admin = AdminGuard.of(ctx);
    var now = clock.instant();
    var query = query(ctx, admin, false);
    repository.list(pool, query, now)
        .compose(page -> AuditLog.record(pool, admin.actor(), "suggestions.export", "suggestions", new JsonObject()
            .put("scope", query.scope()).put("rows", page.items().size())).map(page))
        .compose(page -> vertx.executeBlocking(() -> SuggestionCsv.of(page.items(), now, office(admin)), false))
        .onSuccess(csv -> Csv.send(ctx, edition.id() + "-suggestions.csv", csv))
        .onFailure(ctx::fail);
  }

  /** The filters of the query string, each checked; a department's queue is always scoped to it. */
  private SuggestionRepository.Query query(RoutingContext ctx, Admin admin, boolean paged) {
    List<FieldError> errors = new ArrayList<>();
    SuggestionStatus status = null;
    String statusParam = param(ctx, "status");
    if (statusParam != null) {
      try {
        status = SuggestionStatus.valueOf(statusParam);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("status", "one of received, assigned, answered, closed, reopened, merged"));
      }
    }
    String department = param(ctx, "department");
    if (department != null && edition.department(department).isEmpty()) {
      errors.add(new FieldError("department", "not a department of this edition"));
    }
    String overdueParam = param(ctx, "overdue");
    if (overdueParam != null && !Set.of("true", "false").contains(overdueParam)) {
      errors.add(new FieldError("overdue", "true or false"));
    }
    String topic = param(ctx, "topic");
    if (topic != null && edition.topics().stream().noneMatch(t -> t.code().equals(topic))) {
      errors.add(new FieldError("topic", "not a suggestion topic of this edition"));
    }
    int limit = number(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE, errors);
    int offset = number(ctx, "offset", 0, 0, 10_000_000, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemCode.malformed_request, "The query is not acceptable; see errors.", errors);
    }
    return new SuggestionRepository.Query(scope(admin), status, department,
        overdueParam == null ? null : Boolean.valueOf(overdueParam), topic, paged ? limit : null, paged ? offset : 0);
  }

  private static String param(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int number(RoutingContext ctx, String name, int fallback, int min, int max, List<FieldError> errors) {
    String value = param(ctx, name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    errors.add(new FieldError(name, "a whole number from " + min + " to " + max));
    return fallback;
  }

  private void one(RoutingContext ctx) {
    Admin admin = AdminGuard.of(ctx);
    long id = Outcomes.id(ctx);
    pool.withConnection(conn -> repository.find(conn, id).compose(found -> {
      if (found.isEmpty() || admin.role() == AdminRole.department && !found.get().handledBy(admin.department())) {
        return Future.failedFuture(new ProblemException(ProblemCode.not_found, "No such suggestion."));
      }
      Suggestion s = found.get();
      return Future.all(repository.trail(conn, List.of(id)), repository.duplicates(conn, id)).map(v -> {
        List<TrailStep> steps = v.resultAt(0);
        List<Long> duplicates = v.resultAt(1);
        return SuggestionJson.handling(s, clock.instant(), office(admin))
            .put("trail", SuggestionJson.trail(steps))
            .put("duplicates", new JsonArray(duplicates.stream().map(String::valueOf).toList()));
      });
    })).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** Possible duplicates on the same topic, most alike first ({@link Similarity}), computed off the event loop. */
  private void similar(RoutingContext ctx) {
    long id = Outcomes.id(ctx);
    repository.find(pool, id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new ProblemException(ProblemCode.not_found, "No such suggestion."));
      }
      Suggestion s = found.get();
      return pool.preparedQuery(SuggestionSql.SAME_TOPIC).execute(Tuple.of(edition.id(), s.topic(), id))
          .compose(rows -> vertx.executeBlocking(() -> {
            var mine = Similarity.bigrams(s.text());
            List<JsonObject> scored = new ArrayList<>();
            rows.forEach(r -> {
              double score = Similarity.jaccard(mine, Similarity.bigrams(r.getString("text")));
              if (score >= Similarity.THRESHOLD) {
                scored.add(new JsonObject().put("id", String.valueOf(r.getLong("id"))).put("score", Math.round(score * 1000) / 1000.0)
                    .put("status", r.getString("status")).put("lead", r.getString("lead")).put("text", r.getString("text")));
              }
            });
            scored.sort(Comparator.comparingDouble((JsonObject o) -> o.getDouble("score")).reversed());
            return new JsonObject().put("id", String.valueOf(id)).put("topic", s.topic())
                .put("similar", new JsonArray(scored.stream().limit(SIMILAR_SHOWN).toList()));
          }, false));
    }).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private Future<SuggestionFigures> figuresFor(Admin admin) {
    return stats.compute(clock.instant()).map(f -> admin.role() == AdminRole.department ? f.only(admin.department()) : f);
  }

  private void figures(RoutingContext ctx) {
    figuresFor(AdminGuard.of(ctx)).onSuccess(f -> ctx.json(f.toJson())).onFailure(ctx::fail);
  }

  private void figuresCsv(RoutingContext ctx) {
    figuresFor(AdminGuard.of(ctx))
        .onSuccess(f -> Csv.send(ctx, edition.id() + "-suggestion-figures.csv", SuggestionCsv.figures(f)))
        .onFailure(ctx::fail);
  }
}
