package org.pingyi.suggestion;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.edition.Edition;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * The author's routes: a citizen's or a representative's access token suggests, reads its own suggestions and
 * rates their answers. Nothing here reveals anyone else's suggestion.
 */
public final class AuthorRoutes {
  private final AuthorActions actions;
  private final AuthorGuard author;
  private final SuggestionBodies bodies;

  public AuthorRoutes(Edition edition, AuthorActions actions, AuthorGuard author) {
    this.actions = actions;
    this.author = author;
    this.bodies = new SuggestionBodies(edition);
  }

  public void mount(Router router) {
    router.post("/api/v1/suggestions").handler(author).handler(this::submit);
    router.get("/api/v1/suggestions/mine").handler(author).handler(this::mine);
    router.post("/api/v1/suggestions/:id/feedback").handler(author).handler(this::feedback);
  }

  private void submit(RoutingContext ctx) {
    Commands.Submission submission = bodies.submission(ctx);
    actions.submit(AuthorGuard.of(ctx), submission).onSuccess(outcome -> {
      if (outcome instanceof SubmitOutcome.Created created) {
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Location", "/api/v1/suggestions/mine")
            .end(new JsonObject().put("id", String.valueOf(created.suggestion().id())).put("status", "received").encode());
      } else if (outcome instanceof SubmitOutcome.RateLimited limited) {
        ctx.fail(ProblemException.rateLimited("At most " + AuthorActions.MAX_PER_DAY + " suggestions a day; try again tomorrow.",
            (int) limited.retryAfterSeconds()));
      } else {
        ctx.fail(new ProblemException(ProblemCode.not_eligible, "This representative is no longer active; sign in as a citizen to suggest."));
      }
    }).onFailure(ctx::fail);
  }

  private void mine(RoutingContext ctx) {
    actions.mine(AuthorGuard.of(ctx)).onSuccess(own -> {
      JsonArray items = new JsonArray();
      own.forEach(o -> items.add(SuggestionJson.own(o)));
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject().put("suggestions", items));
    }).onFailure(ctx::fail);
  }

  private void feedback(RoutingContext ctx) {
    long id = Outcomes.id(ctx);
    Commands.Feedback feedback = bodies.feedback(ctx);
    actions.feedback(id, AuthorGuard.of(ctx), feedback)
        .onSuccess(outcome -> Outcomes.send(ctx, outcome, s -> new JsonObject().put("id", String.valueOf(s.id()))
            .put("status", s.status().name()).put("dueAt", s.dueAt() == null ? null : s.dueAt().toString())))
        .onFailure(ctx::fail);
  }
}
