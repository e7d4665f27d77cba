package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import org.pingyi.Hashes;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.pingyi.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/v1/auth/face: a face-auth ID token in, an engine access token out. The token's signature and claims
 * are checked off the event loop (a JWKS fetch may block); its jti is spent in Redis with SET NX, confirmed by a
 * replica, so it works once across every engine instance and a Redis failover; its subject must be an active
 * representative. Attempts per subject are limited ({@link LoginLimit}) before the token is spent.
 */
public final class LoginRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(12);
  private static final int MAX_ID_TOKEN = 16 * 1024;
  static final String FIND_SUBJECT = "SELECT id, district, category, weight_class, status FROM representatives WHERE subject = $1";

  private final Vertx vertx;
  private final Pool pool;
  private final RedisStore redis;
  private final FaceTokenVerifier verifier;
  private final AccessTokens accessTokens;
  private final LoginOutcomes outcomes;
  private final LoginLimit limit;

  public LoginRoutes(Vertx vertx, Pool pool, RedisStore redis, FaceTokenVerifier verifier, AccessTokens accessTokens,
      LoginOutcomes outcomes, LoginLimit limit) {
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.verifier = verifier;
    this.accessTokens = accessTokens;
    this.outcomes = outcomes;
    this.limit = limit;
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/face").handler(this::login);
  }

  private void login(RoutingContext ctx) {
    String idToken = idToken(ctx);
    vertx.executeBlocking(() -> verifier.verify(idToken), false)
        .recover(e -> {
          if (e instanceof InvalidFaceTokenException invalid && FaceTokenVerifier.JWKS_UNAVAILABLE.equals(invalid.reason())) {
            outcomes.record("jwks_unavailable");
            LOG.warn("cannot verify ID tokens: the face-auth provider's keys are unavailable");
            return Future.failedFuture(ProblemException.unavailable("Sign-in is briefly unavailable; please retry.", 5));
          }
          if (e instanceof InvalidFaceTokenException invalid) {
            outcomes.record("invalid_" + invalid.reason());
            return Future.failedFuture(new ProblemException(ProblemCode.invalid_token, "The face authentication was not accepted."));
          }
          return Future.failedFuture(e);
        })
        .compose(verified -> limited(verified).compose(v -> spendJti(verified)).map(verified))
        .compose(verified -> pool.preparedQuery(FIND_SUBJECT).execute(Tuple.of(verified.subject())))
        .onSuccess(rows -> {
          var row = rows.size() == 0 ? null : rows.iterator().next();
          if (row == null || !"active".equals(row.getString("status"))) {
            outcomes.record("not_eligible");
            ctx.fail(new ProblemException(ProblemCode.not_eligible, "You are not an active representative of this edition."));
            return;
          }
          String id = row.getString("id");
          Instant expires = Instant.now().plus(ACCESS_TOKEN_LIFETIME);
          outcomes.record("ok");
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(new JsonObject()
              .put("accessToken", accessTokens.issue(id, expires))
              .put("tokenType", "Bearer")
              .put("expiresIn", ACCESS_TOKEN_LIFETIME.toSeconds())
              .put("representative", new JsonObject()
                  .put("id", id)
                  .put("district", row.getString("district"))
                  .put("category", row.getString("category"))
                  .put("weightClass", row.getString("weight_class"))));
        })
        .onFailure(ctx::fail);
  }

  private static String idToken(RoutingContext ctx) {
    Object token = JsonBodies.object(ctx, "{\"idToken\": \"<JWT>\"}").getValue("idToken");
    if (!(token instanceof String s) || s.isBlank() || s.length() > MAX_ID_TOKEN) {
      throw new ProblemException(ProblemCode.malformed_request, "The body must be {\"idToken\": \"<JWT>\"}.");
    }
    return s;
  }

  private Future<Void> limited(VerifiedFaceToken token) {
    return limit.attempt(token.subject()).recover(e -> {
      if (e instanceof ProblemException problem && problem.code() == ProblemCode.rate_limited) {
        outcomes.record("rate_limited");
        return Future.failedFuture(e);
      }
      LOG.warn("cannot count sign-in attempts: Redis unavailable ({})", e.getClass().getSimpleName());
      return Future.failedFuture(ProblemException.unavailable("Sign-in is briefly unavailable; please retry.", 2));
    });
  }

  /**
   * Single use across all instances and across a Redis failover: the first SET NX wins, and it is acknowledged only
   * once a replica holds it (see README, "High availability"); the key lives as long as the token could.
   */
  private Future<Void> spendJti(VerifiedFaceToken token) {
    long ttl = Math.max(60, Duration.between(Instant.now(), token.expiresAt()).toSeconds() + 120);
    String key = "pingyi:jti:" + Hashes.sha256Hex(token.jti());
    return redis.setOnceReplicated(vertx, key, ttl)
        .recover(e -> {
          LOG.warn("cannot check ID token replay: Redis unavailable ({})", e.getClass().getSimpleName());
          return Future.failedFuture(ProblemException.unavailable("Sign-in is briefly unavailable; please retry.", 2));
        })
        .compose(outcome -> switch (outcome) {
          case SET -> Future.succeededFuture();
          case ALREADY_SET -> {
            outcomes.record("replayed");
            yield Future.failedFuture(new ProblemException(ProblemCode.invalid_token, "The face authentication was already used; authenticate again."));
          }
          case NOT_REPLICATED -> {
            outcomes.record("jti_not_replicated");
            LOG.warn("ID token not accepted: no Redis replica confirmed its jti in time; the phone may retry with it");
            yield Future.failedFuture(ProblemException.unavailable("Sign-in is briefly unavailable; please retry.", 1));
          }
        });
  }
}
