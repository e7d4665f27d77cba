package org.pingyi.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.BalancedStack;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.PhoneFleet;
import org.pingyi.support.TestEngine;

/**
 * The evening as deployed: Debian's nginx with the project's balancer config in front of two engine processes on
 * one PostgreSQL and one Redis, a few hundred phones holding the session stream through it.
 */
class BalancerFailoverTest {
  static final int PHONES = 300;
  static final String SESSION = "econ1-2024";

  @Test
  void everyPhoneHearsTheOpenThroughTheBalancerAndEveryBallotCountsOnceWhenAnEngineIsKilledMidBurst() throws Exception {
    try (BalancedStack stack = BalancedStack.start(TestEngine.DEMO_ROSTER);
         PhoneFleet fleet = new PhoneFleet(stack.phones(PHONES), List.of(stack.nginx().port()))) {
      Api balancer = stack.nginx().api();
      for (String path : List.of("/metrics", "/metrics/", "/metrics?x")) {
        Api.Reply reply = balancer.get(path);
        assertEquals(404, reply.status(), path + " is not served through the balancer");
        assertTrue(!reply.body().contains("pingyi_"), path);
      }

      fleet.streams().openAll(1000);
      int held = Eventually.await(fleet.streams()::held, n -> n == PHONES, Duration.ofSeconds(30));
      assertEquals(PHONES, held, "every phone holds its session stream through the balancer");
      for (int e = 0; e < 2; e++) {
        double streams = stack.engine(e).metric("pingyi_sse_clients{stream=\"sessions\"}");
        assertTrue(streams > PHONES / 4.0, "engine " + e + " holds its share of the streams: " + streams);
      }

      long openedAt = System.nanoTime();
      assertEquals(200, balancer.post("/api/v1/admin/sessions/" + SESSION + "/open", "", stack.operator()).status());
      int heard = Eventually.await(() -> fleet.streams().heardCount(SESSION, "open"), n -> n == PHONES, Duration.ofSeconds(5));
      assertEquals(PHONES, heard, "every connected phone hears of the open within 5 s");
      long slowest = java.util.Arrays.stream(fleet.streams().heard(SESSION, "open")).max().orElseThrow() - openedAt;
      System.out.printf("all %d phones heard the open %d ms after the operator's request%n", PHONES, slowest / 1_000_000);

      List<PhoneFleet.Answer> logins = fleet.login(stack.provider(), 100).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
      assertEquals(List.of(), logins.stream().filter(a -> a.status() != 200).map(a -> a.status() + " " + a.body()).toList(),
          "every phone logs in through the real face-auth path");

      var votes = fleet.vote(SESSION, phone -> Ballots.random(Ballots.ECON1, new Random(phone.index())), 4_000)
          .toCompletionStage().toCompletableFuture();
      Eventually.await(fleet::acknowledged, n -> n >= PHONES / 3, Duration.ofSeconds(60));
      double takenByVictim = stack.engine(1).metric("pingyi_ballots_accepted_total");
      stack.engine(1).kill();
      int acknowledgedAtKill = fleet.acknowledged();
      List<PhoneFleet.Answer> answers = votes.get(120, TimeUnit.SECONDS);
      System.out.printf("engine 1 killed after %d of %d acknowledgements (it had taken %.0f); %d retries by phones %s%n",
          acknowledgedAtKill, PHONES, takenByVictim, fleet.retries(), fleet.retriedOn());
      assertTrue(takenByVictim > 0, "the killed engine was taking ballots when it died");
      assertTrue(acknowledgedAtKill < PHONES, "the engine died mid-burst");

      assertEquals(List.of(), answers.stream().filter(a -> !a.acknowledged()).map(a -> a.status() + " " + a.body()).toList(),
          "every phone's ballot is acknowledged");
      assertEquals(PHONES, answers.stream().map(a -> new JsonObject(a.body()).getString("receipt")).distinct().count(),
          "one receipt per phone");
      assertEquals(PHONES, stack.count("SELECT count(*) FROM ballots WHERE session_id = ?", SESSION));
      assertEquals(PHONES, stack.count("SELECT count(DISTINCT representative_id) FROM ballots WHERE session_id = ?", SESSION),
          "exactly one ballot per phone");
      long voted = Eventually.await(() -> turnout(balancer, stack), v -> v == PHONES, Duration.ofSeconds(30));
      assertEquals(PHONES, voted, "live turnout equals the stored count");

      int back = Eventually.await(fleet.streams()::held, n -> n == PHONES, Duration.ofSeconds(20));
      assertEquals(PHONES, back, "the dead engine's phones hold their stream again, through the balancer to the other engine");

      assertEquals("gzip", balancer.get("/", "Accept-Encoding", "gzip").header("Content-Encoding"), "pages are compressed");
      var stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + stack.nginx().port() + "/api/v1/sessions/stream"))
          .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
      try (var body = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        assertTrue(stream.headers().firstValue("Content-Encoding").isEmpty(), "event streams are never compressed");
        assertTrue(body.readLine().startsWith("event: session"), "events arrive as they are written");
      }
    }
  }

  private static long turnout(Api balancer, BalancedStack stack) {
    Api.Reply reply = balancer.get("/api/v1/sessions/" + SESSION + "/turnout", stack.operator());
    return reply.status() == 200 ? reply.json().getLong("voted") : -1;
  }
}
