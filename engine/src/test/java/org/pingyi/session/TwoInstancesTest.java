package org.pingyi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Ballots;
import org.pingyi.support.EngineProcess;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/** Two engine processes on one PostgreSQL and Redis: a close on one is final on the other at once. */
class TwoInstancesTest {

  @Test
  void aCloseOnOneInstanceRefusesBallotsOnTheOtherAndReachesItsPhones() throws Exception {
    try (TestEngine a = TestEngine.start()) {
      a.open("econ1-2024");
      Map<String, String> env = Map.of(
          "PINGYI_PG_URL", TestServers.pgUrl(a.database()),
          "PINGYI_REDIS_URL", a.engine().config().redisUrl().orElseThrow(),
          "PINGYI_ADMIN_TOKENS", "operator:" + org.pingyi.auth.AdminTokens.sha256Hex("second-instance-operator"));
      try (EngineProcess b = EngineProcess.start(env)) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/api/v1/sessions/stream")).build(),
            HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
              try (var reader = new BufferedReader(new InputStreamReader(response.body()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  if (line.startsWith("data: ")) {
                    events.add(line.substring(6));
                  }
                }
              } catch (Exception closed) {
                // the test is over
              }
            });
        assertTrue(poll(events, "\"econ1-2024\",\"state\":\"open\"", 5), "B tells its phones the current states on connect");

        var list = a.activeRepresentatives(2);
        var before = b.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
            "Authorization", "Bearer " + a.accessToken(list.get(0)));
        assertEquals(201, before.status(), before.body());

        long closedAt = System.nanoTime();
        assertEquals(200, a.api().post("/api/v1/admin/sessions/econ1-2024/close", "", "Authorization", "Bearer " + a.operator()).status());
        var after = b.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
            "Authorization", "Bearer " + a.accessToken(list.get(1)));
        assertEquals(409, after.status(), after.body());
        assertEquals("session_not_open", after.code());

        assertTrue(poll(events, "\"econ1-2024\",\"state\":\"closed\"", 5), "B's phones hear of the close");
        String listed = org.pingyi.support.Eventually.await(() -> b.api().get("/api/v1/sessions").array().getJsonObject(1)
            .getString("state"), "closed"::equals, java.time.Duration.ofSeconds(5));
        assertEquals("closed", listed, "B's in-memory session list follows a change made on A");
        System.out.printf("close on A reached B's session stream after %d ms%n", (System.nanoTime() - closedAt) / 1_000_000);
        assertEquals(1, a.count("SELECT count(*) FROM ballots"));
      }
    }
  }

  private static boolean poll(BlockingQueue<String> events, String wanted, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null && event.contains(wanted)) {
        return true;
      }
    }
    return false;
  }
}
