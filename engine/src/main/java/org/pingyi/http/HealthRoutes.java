package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pingyi.store.PrimaryPool;
import org.pingyi.store.RedisStore;
import org.pingyi.warmup.WarmUpGate;

/**
 * GET /health/live (the process answers) and GET /health/ready (PostgreSQL takes writes and Redis answers, else
 * 503). A standby or a primary that turned read-only is not ready: the engine could not commit a ballot there. On
 * the management port the answer also names the PostgreSQL host in use ({@code postgresPrimary}); the public port
 * keeps internal host names to itself.
 */
public final class HealthRoutes {
  private static final long PROBE_TIMEOUT_MS = 2000;
  /** One row, true when this server would commit a write. */
  static final String WRITABLE = "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AS writable";

  private final Vertx vertx;
  private final PrimaryPool pool;
  private final PrimaryPool writer;
  private final RedisStore redis;
  private final boolean management;
  private final WarmUpGate warmUp;

  /**
   * @param pool the pool readiness asks on (the public reads'); @param writer the ballot writer's, which must be
   *     writable; @param warmUp not ready before the ballot path is warm
   */
  public HealthRoutes(Vertx vertx, PrimaryPool pool, PrimaryPool writer, RedisStore redis, boolean management,
      WarmUpGate warmUp) {
    this.warmUp = warmUp;
    this.vertx = vertx;
    this.pool = pool;
    this.writer = writer;
    this.redis = redis;
    this.management = management;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    Future<String> postgres = pool.query(WRITABLE).execute()
        .map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean("writable")) && writer.writable() ? "up" : "read-only")
        .timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwise("not answering");
    Future<String> cache = redis.call(vertx, c -> c.ping()).map("up")
        .timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwise("not answering");
    Future.all(postgres, cache).onComplete(done -> {
      String pg = postgres.result();
      String redisState = cache.result();
      if (pg.equals("up") && redisState.equals("up") && warmUp.done()) {
        ctx.response().putHeader("Cache-Control", "no-store");
        JsonObject body = new JsonObject().put("status", "ready").put("postgres", "up").put("redis", "up");
        if (management) {
          body.put("postgresPrimary", writer.primary().toString());
        }
        ctx.json(body);
        return;
      }
      List<FieldError> down = new ArrayList<>();
      if (!pg.equals("up")) {
        down.add(new FieldError("postgres", pg));
      }
      if (!redisState.equals("up")) {
        down.add(new FieldError("redis", redisState));
      }
      if (!warmUp.done()) {
        down.add(new FieldError("engine", "warming up its ballot path"));
      }
      Problems.send(ctx, ProblemException.unavailable("Not ready: a backing store is not answering or not writable.", 5, down));
    });
  }
}
