package org.pingyi.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/** Route guard for admin endpoints: 401 without a known admin token, 403 when its role may not do this. */
public final class AdminGuard {
  private static final String KEY = "admin";

  private final AdminTokens tokens;

  public AdminGuard(AdminTokens tokens) {
    this.tokens = tokens;
  }

  public Handler<RoutingContext> require(AdminRole first, AdminRole... more) {
    Set<AdminRole> allowed = EnumSet.of(first, more);
    return ctx -> {
      String token = Bearer.token(ctx);
      if (token == null) {
        ctx.fail(new ProblemException(ProblemCode.unauthenticated, "An admin bearer token is required."));
        return;
      }
      var admin = tokens.authenticate(token);
      if (admin.isEmpty()) {
        ctx.fail(new ProblemException(ProblemCode.invalid_token, "The admin token is not valid."));
        return;
      }
      if (!allowed.contains(admin.get().role())) {
        ctx.fail(new ProblemException(ProblemCode.forbidden, "The " + admin.get().role() + " role may not do this."));
        return;
      }
      ctx.put(KEY, admin.get());
      ctx.next();
    };
  }

  /** GET /api/v1/admin/whoami: the role of the presented admin token, so the console shows what that role may do. */
  public void mount(io.vertx.ext.web.Router router) {
    router.get("/api/v1/admin/whoami").handler(require(AdminRole.operator, AdminRole.auditor, AdminRole.department))
        .handler(ctx -> ctx.json(new io.vertx.core.json.JsonObject().put("role", of(ctx).roleName()).put("tokenId", of(ctx).tokenId())));
  }

  /** The admin a guarded route was let through for. */
  public static Admin of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** The admin behind the request, if any token presented is valid; for routes open to several audiences. */
  public java.util.Optional<Admin> optional(RoutingContext ctx) {
    return tokens.authenticate(Bearer.token(ctx));
  }
}
