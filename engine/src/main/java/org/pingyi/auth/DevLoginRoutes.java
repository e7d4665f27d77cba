package org.pingyi.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.regex.Pattern;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Demo mode only: POST /api/v1/dev/face-auth {"representativeId"} → {"idToken"}, an ID token from the built-in
 * development provider for that representative's face, to be presented to POST /api/v1/auth/face like a real one;
 * or {"citizenSubject"} → an ID token for any made-up face, for POST /api/v1/auth/citizen. Never mounted otherwise.
 */
public final class DevLoginRoutes {
  static final String FIND = "SELECT subject FROM representatives WHERE id = $1";
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final Pool pool;
  private final DevFaceAuthProvider provider;
  private final String issuer;
  private final String audience;

  public DevLoginRoutes(Pool pool, DevFaceAuthProvider provider, String issuer, String audience) {
    this.pool = pool;
    this.provider = provider;
    this.issuer = issuer;
    this.audience = audience;
  }

  public void mount(Router router) {
    router.get("/api/v1/dev/face-auth").handler(ctx -> ctx.json(new JsonObject().put("demo", true)));
    router.post("/api/v1/dev/face-auth").handler(this::sign);
  }

  private void sign(RoutingContext ctx) {
    var body = JsonBodies.object(ctx, "{\"representativeId\": \"…\"} or {\"citizenSubject\": \"…\"}");
    if (body.getValue("citizenSubject") instanceof String citizen) {
      if (!SUBJECT.matcher(citizen).matches()) {
        ctx.fail(new ProblemException(ProblemCode.malformed_request, "citizenSubject: 1 to 128 letters, digits, '.', '_', ':' or '-'."));
        return;
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject().put("idToken", provider.signIdToken(citizen, issuer, audience)));
      return;
    }
    Object value = body.getValue("representativeId");
    String id = value instanceof String s ? s : null;
    if (id == null || id.isBlank()) {
      ctx.fail(new ProblemException(ProblemCode.malformed_request, "The body must be {\"representativeId\": \"…\"} or {\"citizenSubject\": \"…\"}."));
      return;
    }
    pool.preparedQuery(FIND).execute(Tuple.of(id)).onSuccess(rows -> {
      if (rows.size() == 0) {
        ctx.fail(new ProblemException(ProblemCode.not_found, "No representative has this id."));
        return;
      }
      String subject = rows.iterator().next().getString("subject");
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject().put("idToken", provider.signIdToken(subject, issuer, audience)));
    }).onFailure(ctx::fail);
  }
}
