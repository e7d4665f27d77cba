package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.store.EmbeddedRedisServer;
import org.pingyi.support.TestEngine;

/** Readiness follows the servers: 503 while Redis is down, 200 again once it is back. */
class ReadinessTest {

  @TempDir Path redisDir;

  @Test
  void readinessFlipsTo503WhenRedisStopsAndBackWhenItReturns() throws Exception {
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(redisDir);
    int port = redis.port();
    try (TestEngine engine = TestEngine.start(Map.of("redis.url", "redis://127.0.0.1:" + port))) {
      assertEquals(200, engine.api().get("/health/ready").status());
      engine.open("econ1-2024");  // with a session open the gauges also read turnout from Redis

      redis.close();
      var down = awaitStatus(engine, s -> s == 503);
      assertEquals("unavailable", down.code());
      assertEquals("redis", down.json().getJsonArray("errors").getJsonObject(0).getString("field"));
      assertEquals("5", down.header("Retry-After"));
      assertEquals(200, engine.api().get("/health/live").status());
      String scrape = org.pingyi.support.Eventually.await(() -> engine.management().get("/metrics").body(),
          m -> m.contains("pingyi_backend_up{backend=\"redis\"} 0.0"), Duration.ofSeconds(15));
      assertTrue(scrape.contains("pingyi_backend_up{backend=\"postgres\"} 1.0"), "Redis down does not mark PostgreSQL down");

      redis = EmbeddedRedisServer.start(redisDir, port);
      assertEquals(200, awaitStatus(engine, s -> s == 200).status());
    } finally {
      redis.close();
    }
  }

  private static org.pingyi.support.Api.Reply awaitStatus(TestEngine engine, IntPredicate wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    org.pingyi.support.Api.Reply reply;
    do {
      reply = engine.api().get("/health/ready");
      if (wanted.test(reply.status())) {
        return reply;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return reply;
  }
}
