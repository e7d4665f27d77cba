package org.pingyi.roster;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.http.FieldError;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * The locked electorate over HTTP: the operator locks it and records withdrawals; anyone reads its commitment.
 */
public final class ElectorateRoutes {
  static final int MAX_REASON = 500;

  private final Electorate electorate;
  private final Withdrawals withdrawals;
  private final AdminGuard guard;

  public ElectorateRoutes(Electorate electorate, Withdrawals withdrawals, AdminGuard guard) {
    this.electorate = electorate;
    this.withdrawals = withdrawals;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.post("/api/v1/admin/roster/lock").handler(guard.require(AdminRole.operator)).handler(this::lock);
    router.post("/api/v1/admin/representatives/:id/withdraw").handler(guard.require(AdminRole.operator)).handler(this::withdraw);
    // public
    router.get("/api/v1/roster/commitment").handler(this::commitment);
  }

  private void lock(RoutingContext ctx) {
    electorate.lock(AdminGuard.of(ctx).actor()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void withdraw(RoutingContext ctx) {
    Object reason = JsonBodies.object(ctx, "{\"reason\": \"…\"}").getValue("reason");
    if (!(reason instanceof String r) || r.isBlank() || r.codePointCount(0, r.length()) > MAX_REASON) {
      ctx.fail(new ProblemException(ProblemCode.malformed_request, "The body must be {\"reason\": \"…\"}.",
          List.of(new FieldError("reason", "text of 1 to " + MAX_REASON + " characters"))));
      return;
    }
    withdrawals.withdraw(ctx.pathParam("id"), r.strip(), AdminGuard.of(ctx).actor()).onSuccess(outcome -> {
      if (outcome instanceof WithdrawalOutcome.Withdrawn w) {
        ctx.json(new JsonObject().put("withdrawn", w.withdrawn()).put("promoted", w.promoted()));
      } else if (outcome instanceof WithdrawalOutcome.AlreadyWithdrawn) {
        ctx.fail(new ProblemException(ProblemCode.invalid_transition, "This representative has already withdrawn."));
      } else {
        ctx.fail(new ProblemException(ProblemCode.not_found, "No representative has this id."));
      }
    }).onFailure(ctx::fail);
  }

  private void commitment(RoutingContext ctx) {
    electorate.commitment().onSuccess(commitment -> {
      if (commitment.isEmpty()) {
        ctx.fail(new ProblemException(ProblemCode.not_found, "The electorate is not locked yet; its commitment is published at the lock."));
        return;
      }
      ctx.response().putHeader("Cache-Control", "no-cache");
      ctx.json(commitment.get());
    }).onFailure(ctx::fail);
  }
}
