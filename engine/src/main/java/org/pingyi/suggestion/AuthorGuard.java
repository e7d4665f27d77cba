package org.pingyi.suggestion;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.auth.AccessTokens;
import org.pingyi.auth.Bearer;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Lets an author's request through: a citizen's or a representative's engine access token (an HMAC check, nothing
 * more). Whether a representative is still active is the submission's question, asked in its transaction.
 */
public final class AuthorGuard implements Handler<RoutingContext> {
  private static final String KEY = "author";

  private final AccessTokens tokens;

  public AuthorGuard(AccessTokens tokens) {
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
    ctx.put(KEY, new Author(holder.get().role(), holder.get().id()));
    ctx.next();
  }

  public static Author of(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
