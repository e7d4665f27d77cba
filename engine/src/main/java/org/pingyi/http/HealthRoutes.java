package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pingyi.store.RedisStore;

/** GET /health/live (the process answers) and GET /health/ready (PostgreSQL and Redis both answer, else 503). */
public final class HealthRoutes {
  private static final long PROBE_TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final Pool pool;
  private final RedisStore redis;

  public HealthRoutes(Vertx vertx, Pool pool, RedisStore redis) {
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    Future<Boolean> postgres = probe(pool.query("SELECT 1").execute().mapEmpty());
    Future<Boolean> cache = probe(redis.call(vertx, c -> c.ping()).mapEmpty());
    Future.all(postgres, cache).onComplete(done -> {
      boolean pgUp = postgres.result();
      boolean redisUp = cache.result();
      if (pgUp && redisUp) {
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.json(new JsonObject().put("status", "ready").put("postgres", "up").put("redis", "up"));
        return;
      }
      List<FieldError> down = new java.util.ArrayList<>();
      if (!pgUp) {
        down.add(new FieldError("postgres", "not answering"));
      }
      if (!redisUp) {
        down.add(new FieldError("redis", "not answering"));
      }
      Problems.send(ctx, ProblemException.unavailable("Not ready: a backing store is not answering.", 5, down));
    });
  }

  private static Future<Boolean> probe(Future<Void> check) {
    return check.timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).map(true).otherwise(false);
  }
}
