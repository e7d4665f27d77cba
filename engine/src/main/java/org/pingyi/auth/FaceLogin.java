package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
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
 * The face-authentication steps every sign-in shares (/auth/face and /auth/citizen): the ID token's signature and
 * claims are checked off the event loop (a JWKS fetch may block), the attempt is counted against the subject's limit
 * ({@link LoginLimit}, shared by both sign-ins and every instance), then its jti is spent in Redis with SET NX,
 * confirmed by a replica, so it works once across every engine instance and a Redis failover. What the sign-in then
 * does with the face (a roster lookup, a citizen pseudonym) is the caller's.
 */
public final class FaceLogin {
  private static final Logger LOG = LoggerFactory.getLogger(FaceLogin.class);
  private static final int MAX_ID_TOKEN = 16 * 1024;

  private final Vertx vertx;
  private final RedisStore redis;
  private final FaceTokenVerifier verifier;
  private final LoginOutcomes outcomes;
  private final LoginLimit limit;

  public FaceLogin(Vertx vertx, RedisStore redis, FaceTokenVerifier verifier, LoginOutcomes outcomes, LoginLimit limit) {
    this.vertx = vertx;
    this.redis = redis;
    this.verifier = verifier;
    this.outcomes = outcomes;
    this.limit = limit;
  }

  /** The body's {"idToken"}, or a 400. */
  public static String idToken(RoutingContext ctx) {
    Object token = JsonBodies.object(ctx, "{\"idToken\": \"<JWT>\"}").getValue("idToken");
    if (!(token instanceof String s) || s.isBlank() || s.length() > MAX_ID_TOKEN) {
      throw new ProblemException(ProblemCode.malformed_request, "The body must be {\"idToken\": \"<JWT>\"}.");
    }
    return s;
  }

  /**
   * The verified face, once per ID token; any refusal is a 401 invalid_token, too many attempts for the subject a 429
   * rate_limited (counted before the jti is spent, so a limited token can still be used a minute later), an outage
   * of ours a 503.
   */
  public Future<VerifiedFaceToken> verify(String idToken) {
    return vertx.executeBlocking(() -> verifier.verify(idToken), false)
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
        .compose(verified -> limited(verified).compose(v -> spendJti(verified)).map(verified));
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
    String key = redis.key("jti:" + Hashes.sha256Hex(token.jti()));
    return redis.setOnceReplicated(vertx, key, ttl)
        .recover(e -> {
          LOG.warn("cannot check ID token replay: Redis unavailable ({})", e.getClass().getSimpleName());
          return Future.failedFuture(ProblemException.unavailable("Sign-in is briefly unavailable; please retry.", 2));
        })
        .compose(outcome -> switch (outcome) {
          case SET -> Future.<Void>succeededFuture();
          case ALREADY_SET -> {
            outcomes.record("replayed");
            yield Future.<Void>failedFuture(new ProblemException(ProblemCode.invalid_token, "The face authentication was already used; authenticate again."));
          }
          case NOT_REPLICATED -> {
            outcomes.record("jti_not_replicated");
            LOG.warn("ID token not accepted: no Redis replica confirmed its jti in time; the phone may retry with it");
            yield Future.<Void>failedFuture(ProblemException.unavailable("Sign-in is briefly unavailable; please retry.", 1));
          }
        });
  }
}
