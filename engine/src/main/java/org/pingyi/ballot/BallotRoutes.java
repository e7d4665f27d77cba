package org.pingyi.ballot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.pingyi.auth.RepresentativeGuard;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionJson;
import org.pingyi.edition.SessionParam;
import org.pingyi.http.FieldError;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.pingyi.metrics.EngineMetrics;
import org.pingyi.venue.VenueBallots;
import org.pingyi.warmup.WarmUpGate;

/**
 * The representative's side of a session: the ballot form, submitting a ballot, and checking a receipt.
 * A ballot is answered only once PostgreSQL has committed it (or has said why not).
 */
public final class BallotRoutes {
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,64}");
  static final String FORM_STATE = """
      SELECT s.state,
             (r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
               AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)) AS eligible,
             b.receipt, b.submitted_at
      FROM sessions s
      JOIN representatives r ON r.id = $2
      LEFT JOIN ballots b ON b.session_id = s.id AND b.representative_id = r.id
      WHERE s.id = $1""";

  private final Edition edition;
  private final Pool pool;
  private final Pool readPool;
  private final BallotValidator validator;
  private final BallotWriter writer;
  private final RepresentativeGuard representative;
  private final EngineMetrics metrics;
  /** (session, representative): told when a form goes to someone who has not voted, for the quality flags. */
  private final BiConsumer<String, String> formServed;
  private final VenueBallots venues;
  private final WarmUpGate warmUp;

  /**
   * @param readPool for public receipt checks, apart from the writer's pool
   * @param formServed told (session, representative) when a form goes to someone who has not voted, for the quality flags
   * @param venues a community venue's tablet: its header checked before the ballot, a stored ballot counted after
   */
  public BallotRoutes(Edition edition, Pool pool, Pool readPool, BallotWriter writer, RepresentativeGuard representative,
      EngineMetrics metrics, BiConsumer<String, String> formServed, VenueBallots venues, WarmUpGate warmUp) {
    this.warmUp = warmUp;
    this.formServed = formServed;
    this.venues = venues;
    this.edition = edition;
    this.pool = pool;
    this.readPool = readPool;
    this.validator = new BallotValidator(edition);
    this.writer = writer;
    this.representative = representative;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    // The form's query and the ballot insert refuse a representative who is not active themselves.
    router.get("/api/v1/sessions/:id/ballot-form").handler(representative.tokenOnly()).handler(this::form);
    router.post("/api/v1/sessions/:id/ballots").handler(this::countRefusals).handler(representative.tokenOnly())
        .handler(venues::check).handler(this::submit);
    router.get("/api/v1/receipts/:receipt").handler(this::receipt);
  }


  private void form(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    String representativeId = RepresentativeGuard.of(ctx);
    pool.preparedQuery(FORM_STATE).execute(Tuple.of(session.id(), representativeId)).onSuccess(rows -> {
      if (rows.size() == 0) {
        ctx.fail(new ProblemException(ProblemCode.not_eligible, "You are not on this edition's roster."));
        return;
      }
      var row = rows.iterator().next();
      if (!Boolean.TRUE.equals(row.getBoolean("eligible"))) {
        ctx.fail(new ProblemException(ProblemCode.not_eligible, "You are not among the representatives who score this session."));
        return;
      }
      Edition.Group group = edition.group(session.group()).orElseThrow();
      JsonArray grades = new JsonArray();
      edition.grades().forEach(g -> grades.add(new JsonObject().put("code", g.code()).put("label", g.label())));
      String receipt = row.getString("receipt");
      if (receipt == null) {
        formServed.accept(session.id(), representativeId);
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject()
          .put("sessionId", session.id())
          .put("state", row.getString("state"))
          .put("group", new JsonObject().put("code", group.code()).put("name", group.name()))
          .put("departments", EditionJson.departments(group))
          .put("grades", grades)
          .put("maxCommentLength", BallotValidator.MAX_COMMENT)
          .put("survey", EditionJson.survey(edition))
          .put("alreadyVoted", receipt != null)
          .put("receipt", receipt)
          .put("submittedAt", receipt == null ? null : row.getOffsetDateTime("submitted_at").toInstant().toString()));
    }).onFailure(ctx::fail);
  }

  /** Counts every refused ballot by its problem code, whichever step refused it. */
  private void countRefusals(RoutingContext ctx) {
    if (warmUp.isWarmUp(ctx)) {
      ctx.next();
      return;
    }
    ctx.addHeadersEndHandler(v -> {
      int status = ctx.response().getStatusCode();
      if (status == 201) {
        metrics.ballotAccepted();
      } else if (status >= 400) {
        metrics.ballotRefused(ctx.failure() instanceof ProblemException p ? p.code().name() : String.valueOf(status));
      }
    });
    ctx.next();
  }

  private void submit(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
      ctx.fail(new ProblemException(ProblemCode.malformed_request, "Idempotency-Key must be 1-64 visible ASCII characters.",
          List.of(new FieldError("Idempotency-Key", "1-64 visible ASCII characters"))));
      return;
    }
    Ballot ballot = validator.validate(session, RepresentativeGuard.of(ctx), ctx.body().buffer(), key);
    writer.submit(ballot).onSuccess(outcome -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      if (outcome instanceof WriteOutcome.Stored stored) {
        // A venue's tablet: its count goes up once, for this new ballot (a replay below never counts).
        venues.stored(ctx, session.id()).onComplete(counted -> {
          ctx.response().setStatusCode(201).putHeader("Location", "/api/v1/receipts/" + stored.receipt().receipt());
          ctx.json(stored.receipt().toJson());
        });
      } else if (outcome instanceof WriteOutcome.Replayed replayed) {
        ctx.json(replayed.receipt().toJson());
      } else if (outcome instanceof WriteOutcome.AlreadyVoted) {
        ctx.fail(new ProblemException(ProblemCode.already_voted, "You have already voted in this session."));
      } else if (outcome instanceof WriteOutcome.SessionNotOpen) {
        ctx.fail(new ProblemException(ProblemCode.session_not_open, "This session is not taking ballots now."));
      } else {
        ctx.fail(new ProblemException(ProblemCode.not_eligible, "You are not among the representatives who score this session."));
      }
    }).onFailure(ctx::fail);
  }

  private void receipt(RoutingContext ctx) {
    String receipt = ctx.pathParam("receipt");
    if (!Receipts.wellFormed(receipt)) {
      ctx.fail(new ProblemException(ProblemCode.not_found, "No ballot has this receipt."));
      return;
    }
    readPool.preparedQuery(BallotSql.FIND_RECEIPT).execute(Tuple.of(receipt)).onSuccess(rows -> {
      if (rows.size() == 0) {
        ctx.fail(new ProblemException(ProblemCode.not_found, "No ballot has this receipt."));
        return;
      }
      var row = rows.iterator().next();
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject()
          .put("sessionId", row.getString("session_id"))
          .put("submittedAt", row.getOffsetDateTime("submitted_at").toInstant().toString())
          .put("counted", true));
    }).onFailure(ctx::fail);
  }
}
