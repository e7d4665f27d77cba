package org.pingyi.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Lets a request through when it carries a valid engine access token of a representative who is still active, and
 * remembers whose it is: a citizen's token is refused (403 not_eligible), and so is a representative withdrawn after
 * signing in though the token has not expired. Routes whose own statement checks the status in the same step (the
 * ballot insert, the ballot form) use {@link #tokenOnly()}: an HMAC over a short token, no extra database round trip
 * on the ballot path.
 */
public final class RepresentativeGuard implements Handler<RoutingContext> {
  private static final String KEY = "representativeId";
  static final String STATUS = "SELECT status FROM representatives WHERE id = $1";

  private final AccessTokens tokens;
  private final Pool pool;

  public RepresentativeGuard(AccessTokens tokens, Pool pool) {
    this.tokens = tokens;
    this.pool = pool;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!authenticate(ctx)) {
      return;
    }
    pool.preparedQuery(STATUS).execute(Tuple.of(of(ctx))).onSuccess(rows -> {
      if (rows.size() == 0 || !"active".equals(rows.iterator().next().getString("status"))) {
        ctx.fail(new ProblemException(ProblemCode.not_eligible, "You are no longer an active representative of this edition."));
        return;
      }
      ctx.next();
    }).onFailure(ctx::fail);
  }

  /** The token check alone, for routes whose SQL refuses a representative who is not active. */
  public Handler<RoutingContext> tokenOnly() {
    return ctx -> {
      if (authenticate(ctx)) {
        ctx.next();
      }
    };
  }

  private boolean authenticate(RoutingContext ctx) {
    String token = Bearer.token(ctx);
    if (token == null) {
      ctx.fail(new ProblemException(ProblemCode.unauthenticated, "Sign in first: a bearer access token is required."));
      return false;
    }
    var holder = tokens.holder(token);
    if (holder.isEmpty()) {
      ctx.fail(new ProblemException(ProblemCode.invalid_token, "The access token is not valid or has expired; sign in again."));
      return false;
    }
    if (holder.get().role() != AccessTokens.Role.representative) {
      ctx.fail(new ProblemException(ProblemCode.not_eligible, "Only representatives score departments; a citizen may suggest."));
      return false;
    }
    ctx.put(KEY, holder.get().id());
    return true;
  }

  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
