package org.pingyi.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Lets a request through when it carries a valid representative's access token (a citizen's is 403 not_eligible),
 * and remembers whose it is. Verifying is an
 * HMAC over a short token: no database, no Redis, no asymmetric signature on the ballot path.
 */
public final class RepresentativeGuard implements Handler<RoutingContext> {
  private static final String KEY = "representativeId";

  private final AccessTokens tokens;

  public RepresentativeGuard(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = Bearer.token(ctx);
    if (token == null) {
      ctx.fail(new ProblemException(ProblemCode.unauthenticated, "Sign in first: a bearer access token is required."));
      return;
    }
    var holder = tokens.holder(token);
    if (holder.isEmpty()) {
      ctx.fail(new ProblemException(ProblemCode.invalid_token, "The access token is not valid or has expired; sign in again."));
      return;
    }
    if (holder.get().role() != AccessTokens.Role.representative) {
      ctx.fail(new ProblemException(ProblemCode.not_eligible, "Only representatives score departments; a citizen may suggest."));
      return;
    }
    ctx.put(KEY, holder.get().id());
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
