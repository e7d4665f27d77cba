package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.pingyi.Hashes;
import org.pingyi.http.ProblemException;
import org.pingyi.store.RedisStore;

/**
 * At most {@code perMinute} login attempts per face-auth subject in each clock minute, counted in Redis so every
 * engine instance shares the count. Only attempts whose ID token verified are counted, so a forged token naming
 * someone cannot lock them out. The key holds a hash of the subject, never the subject itself.
 */
public final class LoginLimit {
  static final String KEY_PREFIX = "login-attempts:";
  /** A window's key outlives its minute, so a count is never read after it expired mid-window. */
  private static final long KEY_SECONDS = 120;

  private final Vertx vertx;
  private final RedisStore redis;
  private final int perMinute;
  private final Clock clock;

  public LoginLimit(Vertx vertx, RedisStore redis, int perMinute, Clock clock) {
    this.vertx = vertx;
    this.redis = redis;
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Counts one attempt; fails with 429 rate_limited and Retry-After (until the minute ends) beyond the limit. */
  public Future<Void> attempt(String subject) {
    long second = clock.millis() / 1000;
    String key = redis.key(KEY_PREFIX) + Hashes.sha256Hex("login-attempts\n" + subject) + ":" + second / 60;
    // Sent together on the one connection: a single round trip. The window is in the key's name, so a count whose
    // EXPIRE was lost (a crash between the two) only lingers; it never holds anybody back.
    Future<Long> count = redis.call(vertx, c -> c.incr(key));
    redis.call(vertx, c -> c.expire(key, KEY_SECONDS));
    return count.compose(n -> n <= perMinute
        ? Future.succeededFuture()
        : Future.failedFuture(ProblemException.rateLimited(
            "Too many sign-in attempts; please wait a minute and authenticate again.", (int) (60 - second % 60))));
  }
}
