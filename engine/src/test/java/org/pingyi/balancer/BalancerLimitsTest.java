package org.pingyi.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.store.FreePort;
import org.pingyi.support.Api;
import org.pingyi.support.Nginx;

/**
 * The balancer's own answers, with no engine behind it: its rate limits let a carrier address's crowd through and
 * stop a flood with 429 rate_limited, and when no engine answers it says 503 unavailable, all as problem+json.
 */
class BalancerLimitsTest {
  static Nginx nginx;

  @BeforeAll
  static void start() throws Exception {
    nginx = Nginx.start(List.of(FreePort.find(), FreePort.find()));
  }

  @AfterAll
  static void stop() throws Exception {
    nginx.close();
  }

  @Test
  void aThousandLoginsFromOneAddressPassAtOnceAndAFloodBeyondThatGets429WithRetryAfter() {
    List<Api.Reply> replies = flood("POST", "/api/v1/auth/face", 1_300);
    assertEquals(0, limited(replies.subList(0, 1_000)), "1,000 phones behind one address all log in");
    assertRateLimited(replies.subList(1_000, 1_300));
  }

  @Test
  void threeThousandPublicReadsFromOneAddressPassAtOnceAndAFloodBeyondThatGets429() {
    List<Api.Reply> replies = flood("GET", "/api/v1/sessions", 3_500);
    assertEquals(0, limited(replies.subList(0, 3_000)), "1,000 phones behind one address open their page");
    assertRateLimited(replies.subList(3_000, 3_500));
  }

  @Test
  void withNoEngineAnsweringPhonesGet503UnavailableWithRetryAfterNotABadGatewayPage() {
    Api.Reply reply = nginx.api().get("/api/v1/sessions/econ1-2024/ballot-form");
    assertEquals(503, reply.status());
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertEquals("unavailable", reply.code());
    assertEquals("2", reply.header("Retry-After"));
  }

  @Test
  void metricsWithAnySuffixIsRefusedAtTheBalancer() {
    for (String path : List.of("/metrics", "/metrics/", "/metrics?x", "/metrics.txt", "//metrics", "/%6Detrics", "/api/v1/../../metrics", "/api/v1/%2e%2e/%2e%2e/metrics")) {
      Api.Reply reply = nginx.api().get(path);
      assertEquals(404, reply.status(), path);
      assertEquals("not_found", reply.code(), path);
    }
  }

  private static void assertRateLimited(List<Api.Reply> beyond) {
    List<Api.Reply> limited = beyond.stream().filter(r -> r.status() == 429).toList();
    assertTrue(limited.size() > beyond.size() / 3, "a flood from one address is held back: " + limited.size() + " of " + beyond.size());
    Api.Reply one = limited.get(0);
    assertEquals("application/problem+json", one.header("Content-Type"));
    assertEquals("rate_limited", one.code());
    assertEquals("1", one.header("Retry-After"));
  }

  private static List<Api.Reply> flood(String method, String path, int n) {
    List<Api.Reply> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      replies.add(method.equals("GET") ? nginx.api().get(path) : nginx.api().post(path, "{}"));
    }
    return replies;
  }

  private static long limited(List<Api.Reply> replies) {
    return replies.stream().filter(r -> r.status() == 429).count();
  }
}
