package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.store.EmbeddedRedisServer;
import org.pingyi.support.Api;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;

/**
 * Readiness follows the servers: 503 while Redis is down, 200 again once it is back; the backend gauges say which
 * server is down and which is not.
 */
class ReadinessTest {

  private static final Pattern BACKEND_UP = Pattern.compile("(?m)^pingyi_backend_up\\{backend=\"([a-z]+)\"} (\\S+)$");

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
      Map<String, Double> gauges = Eventually.await("the redis backend gauge at 0", () -> backendsUp(engine),
          up -> Double.valueOf(0.0).equals(up.get("redis")), Duration.ofSeconds(15));
      assertEquals(Map.of("postgres", 1.0, "redis", 0.0), gauges, "Redis down is shown on its gauge, PostgreSQL stays up");

      redis = EmbeddedRedisServer.start(redisDir, port);
      assertEquals(200, awaitStatus(engine, s -> s == 200).status());
      assertEquals(Map.of("postgres", 1.0, "redis", 1.0), Eventually.await("the redis backend gauge back at 1",
          () -> backendsUp(engine), up -> Double.valueOf(1.0).equals(up.get("redis")), Duration.ofSeconds(15)));
    } finally {
      redis.close();
    }
  }

  /** The first readiness answer whose status is wanted; an AssertionError with the last answer after 20 s. */
  private static Api.Reply awaitStatus(TestEngine engine, IntPredicate wanted) throws InterruptedException {
    return Eventually.await("a readiness answer of the wanted status", () -> engine.api().get("/health/ready"),
        reply -> wanted.test(reply.status()), Duration.ofSeconds(20));
  }

  /** backend → value of {@code pingyi_backend_up{backend="…"}} in a fresh scrape. */
  private static Map<String, Double> backendsUp(TestEngine engine) {
    Matcher line = BACKEND_UP.matcher(engine.management().get("/metrics").body());
    Map<String, Double> up = new TreeMap<>();
    while (line.find()) {
      up.put(line.group(1), Double.parseDouble(line.group(2)));
    }
    return up;
  }
}
