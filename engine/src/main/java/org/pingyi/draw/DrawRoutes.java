package org.pingyi.draw;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.http.FieldError;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.pingyi.roster.LimitedWriteStream;

/**
 * The office's roster draw over HTTP. Anyone reads a draw's published hash, seed source, seed and transcript;
 * operators take the steps; the per-cell summary is for operators and auditors; the pool itself is never served.
 *
 * <pre>
 * GET  /api/v1/draws                          public: every draw of the edition
 * GET  /api/v1/draws/:id                      public: one draw
 * GET  /api/v1/draws/:id/transcript           public, once drawn: draw.json
 * POST /api/v1/admin/draws?year=Y             operator, text/csv pool (≤ 64 MiB): 201, hash published
 * POST /api/v1/admin/draws/:id/seed-source    operator {"source","knownAt"}
 * POST /api/v1/admin/draws/:id/seed           operator {"seed"}, not before knownAt
 * POST /api/v1/admin/draws/:id/run            operator: draws; 422 infeasible_draw
 * GET  /api/v1/admin/draws/:id/summary        operator, auditor: per cell and per source
 * GET  /api/v1/admin/draws/:id/roster.csv     operator (audit-logged): the drawn roster
 * POST /api/v1/admin/draws/:id/adopt          operator: the roster import
 * POST /api/v1/admin/draws/:id/discard        operator {"reason"}
 * </pre>
 */
public final class DrawRoutes {
  public static final long MAX_POOL_BYTES = 64L * 1024 * 1024;
  static final int MAX_SOURCE = 500;

  private final Vertx vertx;
  private final DrawOffice office;
  private final AdminGuard guard;

  public DrawRoutes(Vertx vertx, DrawOffice office, AdminGuard guard) {
    this.vertx = vertx;
    this.office = office;
    this.guard = guard;
  }

  /** The pool upload streams its own body: mounted before the 64 KiB body limit. */
  public void mountStreaming(Router router) {
    router.post("/api/v1/admin/draws").handler(guard.require(AdminRole.operator)).handler(this::publishPool);
  }

  public void mount(Router router) {
    // Public: what anyone needs to check a draw.
    router.get("/api/v1/draws").handler(this::list);
    router.get("/api/v1/draws/:id").handler(this::one);
    router.get("/api/v1/draws/:id/transcript").handler(this::transcript);
    // The office's steps.
    router.post("/api/v1/admin/draws/:id/seed-source").handler(guard.require(AdminRole.operator)).handler(this::announce);
    router.post("/api/v1/admin/draws/:id/seed").handler(guard.require(AdminRole.operator)).handler(this::seed);
    router.post("/api/v1/admin/draws/:id/run").handler(guard.require(AdminRole.operator)).handler(this::run);
    router.post("/api/v1/admin/draws/:id/adopt").handler(guard.require(AdminRole.operator)).handler(this::adopt);
    router.post("/api/v1/admin/draws/:id/discard").handler(guard.require(AdminRole.operator)).handler(this::discard);
    // Inspection.
    router.get("/api/v1/admin/draws/:id/summary").handler(guard.require(AdminRole.operator, AdminRole.auditor)).handler(this::summary);
    router.get("/api/v1/admin/draws/:id/roster.csv").handler(guard.require(AdminRole.operator)).handler(this::roster);
  }

  private void publishPool(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String type = request.getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("text/csv")) {
      ctx.fail(new ProblemException(ProblemCode.unsupported_media_type, "Send the pool as text/csv."));
      return;
    }
    int year = year(request.getParam("year"));
    String length = request.getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > MAX_POOL_BYTES) {
      ctx.fail(tooLarge());
      return;
    }
    String actor = AdminGuard.of(ctx).actor();
    request.pause();
    vertx.fileSystem().createTempFile("pingyi-pool-", ".csv")
        .compose(path -> LimitedWriteStream.receive(vertx, request, path, MAX_POOL_BYTES, DrawRoutes::tooLarge)
            .compose(v -> office.publishPool(Path.of(path), year, actor))
            .eventually(() -> vertx.fileSystem().delete(path)))
        .onSuccess(step -> answer(ctx, step, 201))
        .onFailure(ctx::fail);
  }

  private static ProblemException tooLarge() {
    return new ProblemException(ProblemCode.payload_too_large, "The pool may be at most 64 MiB; draw bigger pools with the command line.");
  }

  private static int year(String value) {
    if (value == null || !value.matches("\\d{4}") || RosterDraw.yearProblem(Integer.parseInt(value)).isPresent()) {
      throw new ProblemException(ProblemCode.malformed_request, "Name the year drawn for: ?year=2025.",
          List.of(new FieldError("year", "a year from 1900 to 2999")));
    }
    return Integer.parseInt(value);
  }

  private void announce(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"source\": \"…\", \"knownAt\": \"RFC 3339 time\"}");
    String source = body.getValue("source") instanceof String s ? s.strip() : "";
    Object knownAt = body.getValue("knownAt");
    Instant at = null;
    try {
      at = knownAt instanceof String s ? Instant.parse(s) : null;
    } catch (DateTimeParseException e) {
      // answered below
    }
    if (source.isEmpty() || source.length() > MAX_SOURCE || at == null) {
      throw new ProblemException(ProblemCode.malformed_request, "Say where the seed will be published and when.", List.of(
          new FieldError("source", "1-" + MAX_SOURCE + " characters naming the public source, e.g. a lottery draw"),
          new FieldError("knownAt", "the RFC 3339 time the seed becomes known, still ahead")));
    }
    office.announceSeedSource(id(ctx), source, at, AdminGuard.of(ctx).actor())
        .onSuccess(step -> answer(ctx, step, 200)).onFailure(ctx::fail);
  }

  private void seed(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"seed\": \"…\"}");
    String seed = body.getValue("seed") instanceof String s ? s : null;
    RosterDraw.seedProblem(seed).ifPresent(problem -> {
      throw new ProblemException(ProblemCode.malformed_request, "The seed is not usable: " + problem + ".",
          List.of(new FieldError("seed", problem)));
    });
    office.enterSeed(id(ctx), seed, AdminGuard.of(ctx).actor()).onSuccess(step -> answer(ctx, step, 200)).onFailure(ctx::fail);
  }

  private void run(RoutingContext ctx) {
    office.draw(id(ctx), AdminGuard.of(ctx).actor()).onSuccess(step -> answer(ctx, step, 200)).onFailure(ctx::fail);
  }

  private void adopt(RoutingContext ctx) {
    office.adopt(id(ctx), AdminGuard.of(ctx).actor()).onSuccess(step -> answer(ctx, step, 200)).onFailure(ctx::fail);
  }

  private void discard(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"reason\": \"…\"}");
    String reason = body.getValue("reason") instanceof String s ? s.strip() : "";
    if (reason.isEmpty() || reason.length() > MAX_SOURCE) {
      throw new ProblemException(ProblemCode.malformed_request, "Say why the draw is discarded (it stays public).",
          List.of(new FieldError("reason", "1-" + MAX_SOURCE + " characters")));
    }
    office.discard(id(ctx), reason, AdminGuard.of(ctx).actor()).onSuccess(step -> answer(ctx, step, 200)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    office.all().onSuccess(draws -> ctx.json(new JsonArray(draws.stream().map(DrawRecord::toJson).toList())))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    office.find(id(ctx)).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(notFound());
      } else {
        ctx.json(found.get().toJson());
      }
    }).onFailure(ctx::fail);
  }

  private void transcript(RoutingContext ctx) {
    office.transcript(id(ctx)).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new ProblemException(ProblemCode.not_found, "No such draw, or it has not been drawn yet."));
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"draw.json\"").end(found.get());
    }).onFailure(ctx::fail);
  }

  private void summary(RoutingContext ctx) {
    office.summary(id(ctx)).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new ProblemException(ProblemCode.not_found, "No such draw, or it has not been drawn yet."));
      } else {
        ctx.json(found.get());
      }
    }).onFailure(ctx::fail);
  }

  private void roster(RoutingContext ctx) {
    office.roster(id(ctx), AdminGuard.of(ctx).actor()).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new ProblemException(ProblemCode.not_found, "No drawn roster for this draw (not drawn yet, adopted or discarded)."));
        return;
      }
      // The roster import format as the pool has it: not spreadsheet-neutralised, so it imports unchanged.
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"roster.csv\"")
          .putHeader("Cache-Control", "no-store").end(found.get());
    }).onFailure(ctx::fail);
  }

  private static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !id.matches("draw-\\d{4}-[0-9a-f]{8}")) {
      throw notFound();
    }
    return id;
  }

  private static ProblemException notFound() {
    return new ProblemException(ProblemCode.not_found, "No such draw.");
  }

  /** The draw's own problem mapping: each refusal of a step to its code. */
  private static void answer(RoutingContext ctx, DrawStep step, int okStatus) {
    if (step instanceof DrawStep.Done done) {
      ctx.response().setStatusCode(okStatus).putHeader("Content-Type", "application/json").end(done.draw().toJson().encode());
    } else if (step instanceof DrawStep.Adopted adopted) {
      ctx.json(adopted.imported().toJson().put("draw", adopted.draw().toJson()));
    } else {
      ctx.fail(refusal(step));
    }
  }

  static ProblemException refusal(DrawStep step) {
    if (step instanceof DrawStep.WrongState wrong) {
      return new ProblemException(ProblemCode.invalid_transition, "The draw is " + wrong.state() + "; this step does not follow.");
    }
    if (step instanceof DrawStep.SeedNotDue due) {
      return new ProblemException(ProblemCode.invalid_transition,
          "The seed is not due before " + due.knownAt() + ", the time announced for it.");
    }
    if (step instanceof DrawStep.KnownAtNotAhead) {
      return new ProblemException(ProblemCode.malformed_request, "The seed must become known after now.",
          List.of(new FieldError("knownAt", "a time still ahead")));
    }
    if (step instanceof DrawStep.AlreadyUnderWay under) {
      return new ProblemException(ProblemCode.invalid_transition,
          "A draw for " + under.year() + " is under way or adopted; discard it first.");
    }
    if (step instanceof DrawStep.BadPool bad) {
      return new ProblemException(ProblemCode.invalid_pool,
          bad.errors().size() + " line(s) of the pool are not acceptable; nothing was stored.", bad.errors());
    }
    if (step instanceof DrawStep.Infeasible infeasible) {
      return new ProblemException(ProblemCode.infeasible_draw, infeasible.cells().size() + " cell(s) cannot be filled from this pool.",
          infeasible.cells().stream().map(ShortCell::toFieldError).toList());
    }
    return notFound();
  }
}
