package org.pingyi.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * POST /api/v1/auth/face: a face-auth ID token in, an engine access token out. The face is checked by
 * {@link FaceLogin} (claims off the event loop, attempts per subject limited, jti spent once across instances); its
 * subject must be an active representative.
 */
public final class LoginRoutes {
  static final String FIND_SUBJECT = "SELECT id, district, category, weight_class, status FROM representatives WHERE subject = $1";

  private final Pool pool;
  private final FaceLogin faceLogin;
  private final AccessTokens accessTokens;
  private final LoginOutcomes outcomes;

  public LoginRoutes(Pool pool, FaceLogin faceLogin, AccessTokens accessTokens, LoginOutcomes outcomes) {
    this.pool = pool;
    this.faceLogin = faceLogin;
    this.accessTokens = accessTokens;
    this.outcomes = outcomes;
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/face").handler(this::login);
  }

  private void login(RoutingContext ctx) {
    faceLogin.verify(FaceLogin.idToken(ctx))
        .compose(verified -> pool.preparedQuery(FIND_SUBJECT).execute(Tuple.of(verified.subject())))
        .onSuccess(rows -> {
          var row = rows.size() == 0 ? null : rows.iterator().next();
          if (row == null || !"active".equals(row.getString("status"))) {
            outcomes.record("not_eligible");
            ctx.fail(new ProblemException(ProblemCode.not_eligible, "You are not an active representative of this edition."));
            return;
          }
          String id = row.getString("id");
          outcomes.record("ok");
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(new JsonObject()
              .put("accessToken", accessTokens.issue(id))
              .put("tokenType", "Bearer")
              .put("expiresIn", accessTokens.lifetime().toSeconds())
              .put("representative", new JsonObject()
                  .put("id", id)
                  .put("district", row.getString("district"))
                  .put("category", row.getString("category"))
                  .put("weightClass", row.getString("weight_class"))));
        })
        .onFailure(ctx::fail);
  }
}
