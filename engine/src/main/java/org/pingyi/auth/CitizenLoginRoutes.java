package org.pingyi.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /api/v1/auth/citizen: anyone who passes face authentication may suggest. Every check of /auth/face but the
 * roster (the same {@link FaceLogin}); the token's subject is the citizen's {@link CitizenIds} pseudonym and its role
 * is citizen, so it opens the suggestion routes and nothing else.
 */
public final class CitizenLoginRoutes {
  private final FaceLogin faceLogin;
  private final String issuer;
  private final CitizenIds citizenIds;
  private final AccessTokens accessTokens;
  private final LoginOutcomes outcomes;

  public CitizenLoginRoutes(FaceLogin faceLogin, String issuer, CitizenIds citizenIds, AccessTokens accessTokens,
      LoginOutcomes outcomes) {
    this.faceLogin = faceLogin;
    this.issuer = issuer;
    this.citizenIds = citizenIds;
    this.accessTokens = accessTokens;
    this.outcomes = outcomes;
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/citizen").handler(this::login);
  }

  private void login(RoutingContext ctx) {
    faceLogin.verify(FaceLogin.idToken(ctx))
        .onSuccess(verified -> {
          String citizen = citizenIds.of(issuer, verified.subject());
          outcomes.record("ok");
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(new JsonObject()
              .put("accessToken", accessTokens.issue(AccessTokens.Role.citizen, citizen))
              .put("tokenType", "Bearer")
              .put("expiresIn", accessTokens.lifetime().toSeconds())
              .put("role", "citizen"));
        })
        .onFailure(ctx::fail);
  }
}
