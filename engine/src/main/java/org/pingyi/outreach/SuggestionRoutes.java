package org.pingyi.outreach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.auth.RepresentativeGuard;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;
import org.pingyi.http.FieldError;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Citizens' suggestions with closed-loop handling: a signed-in representative submits one; operators list them,
 * assign each to a department, record the answer and export them. Every step is in the audit log. Lists and exports
 * carry the representative's pseudonymous id only.
 */
public final class SuggestionRoutes {
  public static final int MAX_TEXT = 2000;
  static final String INSERT = """
      INSERT INTO suggestions (edition_id, representative_id, topic, department, text) VALUES ($1, $2, $3, $4, $5)
      RETURNING id""";
  static final String LIST = """
      SELECT id, representative_id, topic, department, text, status, assigned_to, answer, created_at, updated_at
      FROM suggestions WHERE edition_id = $1 ORDER BY id""";
  static final String MOVE = """
      UPDATE suggestions SET status = $2, assigned_to = COALESCE($3, assigned_to), answer = COALESCE($4, answer),
                             updated_at = now()
      WHERE id = $1 AND status = ANY ($5::text[])
      RETURNING id, representative_id, topic, department, text, status, assigned_to, answer, created_at, updated_at""";

  private final Edition edition;
  private final Pool pool;
  private final RepresentativeGuard representative;
  private final AdminGuard guard;

  public SuggestionRoutes(Edition edition, Pool pool, RepresentativeGuard representative, AdminGuard guard) {
    this.edition = edition;
    this.pool = pool;
    this.representative = representative;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.post("/api/v1/suggestions").handler(representative).handler(this::submit);
    router.get("/api/v1/admin/suggestions").handler(guard.require(AdminRole.operator)).handler(this::list);
    router.get("/api/v1/admin/suggestions.csv").handler(guard.require(AdminRole.operator)).handler(this::export);
    router.post("/api/v1/admin/suggestions/:id").handler(guard.require(AdminRole.operator)).handler(this::move);
  }

  private void submit(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"topic\", \"department\"?, \"text\"}");
    List<FieldError> errors = new ArrayList<>();
    Object topic = body.getValue("topic");
    if (!(topic instanceof String t) || edition.topics().stream().noneMatch(x -> x.code().equals(t))) {
      errors.add(new FieldError("topic", "must be one of the edition's suggestion topics"));
    }
    Object department = body.getValue("department");
    if (department != null && !(department instanceof String d && knownDepartment(d))) {
      errors.add(new FieldError("department", "not a department of this edition"));
    }
    Object text = body.getValue("text");
    if (!(text instanceof String s) || s.isBlank() || s.codePointCount(0, s.length()) > MAX_TEXT) {
      errors.add(new FieldError("text", "must be text of 1 to " + MAX_TEXT + " characters"));
    }
    if (!errors.isEmpty()) {
      ctx.fail(new ProblemException(ProblemCode.invalid_suggestion, "The suggestion is not acceptable.", errors));
      return;
    }
    pool.preparedQuery(INSERT).execute(Tuple.of(edition.id(), RepresentativeGuard.of(ctx), topic, department, ((String) text).strip()))
        .onSuccess(rows -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("id", String.valueOf(rows.iterator().next().getLong("id"))).put("status", "received").encode()))
        .onFailure(ctx::fail);
  }

  private boolean knownDepartment(String code) {
    return edition.groups().stream().flatMap(g -> g.departments().stream()).anyMatch(d -> d.code().equals(code));
  }

  private Future<List<JsonObject>> all() {
    return pool.preparedQuery(LIST).execute(Tuple.of(edition.id())).map(rows -> {
      List<JsonObject> out = new ArrayList<>();
      rows.forEach(r -> out.add(toJson(r)));
      return out;
    });
  }

  private void list(RoutingContext ctx) {
    all().onSuccess(items -> ctx.json(new JsonObject().put("suggestions", new JsonArray(items)))).onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    all().compose(items -> audit(ctx, "suggestions.export", "suggestions", new JsonObject().put("rows", items.size())).map(items))
        .onSuccess(items -> {
          String csv = Csv.withBom(List.of("id", "representative", "topic", "department", "text", "status", "assignedTo",
              "answer", "createdAt", "updatedAt"), out -> {
            for (JsonObject s : items) {
              out.printRecord(s.getString("id"), s.getString("representative"), s.getString("topic"), s.getString("department"),
                  s.getString("text"), s.getString("status"), s.getString("assignedTo"), s.getString("answer"),
                  s.getString("createdAt"), s.getString("updatedAt"));
            }
          });
          Csv.send(ctx, edition.id() + "-suggestions.csv", csv);
        }).onFailure(ctx::fail);
  }

  /** received → assigned (naming a department) → answered (with the answer); the UPDATE checks the step. */
  private void move(RoutingContext ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      ctx.fail(new ProblemException(ProblemCode.not_found, "No such suggestion."));
      return;
    }
    JsonObject body = JsonBodies.object(ctx, "{\"status\", \"department\"?, \"answer\"?}");
    String status = body.getString("status");
    String department = body.getString("department");
    String answer = body.getString("answer");
    String[] from;
    if ("assigned".equals(status) && department != null && knownDepartment(department)) {
      from = new String[] {"received", "assigned"};
    } else if ("answered".equals(status) && answer != null && !answer.isBlank() && answer.length() <= MAX_TEXT) {
      from = new String[] {"assigned"};
    } else {
      ctx.fail(new ProblemException(ProblemCode.malformed_request,
          "Move a suggestion to assigned with a department, or to answered with an answer.",
          List.of(new FieldError("status", "assigned (with department) or answered (with answer)"))));
      return;
    }
    pool.withTransaction(conn -> conn.preparedQuery(MOVE).execute(Tuple.of(id, status, department, answer, from))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(new ProblemException(ProblemCode.invalid_transition,
                "This suggestion cannot move to " + status + " from where it is (or does not exist)."));
          }
          JsonObject moved = toJson(rows.iterator().next());
          return AuditLog.record(conn, AdminGuard.of(ctx).actor(), "suggestion." + status, "suggestion:" + id,
              new JsonObject().put("department", department)).map(moved);
        }))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private Future<Void> audit(RoutingContext ctx, String action, String target, JsonObject detail) {
    return AuditLog.record(pool, AdminGuard.of(ctx).actor(), action, target, detail);
  }

  private static JsonObject toJson(Row r) {
    return new JsonObject()
        .put("id", String.valueOf(r.getLong("id")))
        .put("representative", r.getString("representative_id"))
        .put("topic", r.getString("topic"))
        .put("department", r.getString("department"))
        .put("text", r.getString("text"))
        .put("status", r.getString("status"))
        .put("assignedTo", r.getString("assigned_to"))
        .put("answer", r.getString("answer"))
        .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString())
        .put("updatedAt", r.getOffsetDateTime("updated_at").toInstant().toString());
  }
}
