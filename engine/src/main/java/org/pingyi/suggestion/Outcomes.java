package org.pingyi.suggestion;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/** Maps a step's outcome to its answer: the suggestion, or one problem. */
final class Outcomes {
  private Outcomes() {}

  static void send(RoutingContext ctx, StepOutcome outcome, Function<Suggestion, JsonObject> json) {
    if (outcome instanceof StepOutcome.Done done) {
      ctx.json(json.apply(done.suggestion()));
    } else if (outcome instanceof StepOutcome.NotAllowed notAllowed) {
      ctx.fail(new ProblemException(ProblemCode.forbidden, notAllowed.why()));
    } else if (outcome instanceof StepOutcome.WrongState wrong) {
      ctx.fail(new ProblemException(ProblemCode.invalid_transition, wrong.why()));
    } else if (outcome instanceof StepOutcome.Refused refused) {
      ctx.fail(new ProblemException(ProblemCode.invalid_suggestion, "The request is not acceptable; see errors.", refused.errors()));
    } else {
      ctx.fail(new ProblemException(ProblemCode.not_found, "No such suggestion."));
    }
  }

  /** The path's suggestion id, or a 404 for anything that cannot be one. */
  static long id(RoutingContext ctx) {
    Long id = SuggestionBodies.id(ctx.pathParam("id"));
    if (id == null) {
      throw new ProblemException(ProblemCode.not_found, "No such suggestion.");
    }
    return id;
  }
}
