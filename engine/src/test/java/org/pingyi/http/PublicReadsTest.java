package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Burst;
import org.pingyi.support.TestEngine;

/**
 * Unauthenticated reads never wait for a connection of the pool the ballot writer uses: with every connection of that
 * pool held, the edition, the sessions and their stream, a receipt, published results and readiness still answer,
 * while a ballot (which needs that pool) cannot be stored.
 */
class PublicReadsTest {

  @Test
  void publicReadsAnswerWhileEveryConnectionOfTheWritersPoolIsHeld() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      Api api = engine.api();
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(2);
      var stored = api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          Api.bearer(engine.accessToken(reps.get(0))));
      assertEquals(201, stored.status());
      String receipt = stored.json().getString("receipt");
      for (String step : new String[] {"close", "seal", "publish"}) {
        assertEquals(200, api.post("/api/v1/admin/sessions/econ1-2024/" + step, "", Api.bearer(engine.operator())).status());
      }

      engine.open("econ2-2024");
      int size = engine.engine().config().pgPoolSize();
      List<SqlConnection> held = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        held.add(engine.engine().pool().getConnection().await(10, TimeUnit.SECONDS));
      }
      try {
        Burst ballot = new Burst(engine.engine().httpPort());
        ballot.post("starved", "/api/v1/sessions/econ2-2024/ballots", Ballots.all(List.of("D09", "D10", "D11", "D12",
            "D13", "D14", "D15", "D16"), "satisfied").encode(), "Authorization", "Bearer " + engine.accessToken(reps.get(1)));

        var sessions = api.get("/api/v1/sessions");
        assertEquals(200, sessions.status());
        assertEquals("published", sessions.array().getJsonObject(1).getString("state"));
        assertEquals("open", sessions.array().getJsonObject(2).getString("state"), "a transition made here is seen at once");
        assertEquals(200, api.get("/api/v1/edition").status());
        var check = api.get("/api/v1/receipts/" + receipt);
        assertEquals(200, check.status(), check.body());
        assertEquals(true, check.json().getBoolean("counted"));
        var results = api.get("/api/v1/sessions/econ1-2024/results");
        assertEquals(200, results.status(), results.body());
        assertEquals(1, results.json().getLong("ballots"));
        assertEquals(200, api.get("/api/v1/sessions/econ1-2024/results.csv").status());
        assertEquals(200, api.get("/health/ready").status());
        assertEquals(200, engine.management().get("/health/ready").status());
        assertTrue(firstStreamEvent(engine).contains("\"id\":\"internal-2024\""), "the session stream starts from memory");

        var starved = ballot.await().get(0);
        assertEquals(503, starved.status(), "the ballot needed the held pool: " + starved.body());
        var close = api.post("/api/v1/admin/sessions/econ2-2024/close", "", Api.bearer(engine.operator()));
        assertEquals(503, close.status(), "a transaction that cannot get a connection is an outage to retry: " + close.body());
        assertEquals("unavailable", close.code());
      } finally {
        held.forEach(SqlConnection::close);
      }
      assertEquals(1, engine.count("SELECT count(*) FROM ballots"));
    }
  }

  private static String firstStreamEvent(TestEngine engine) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.engine().httpPort() + "/api/v1/sessions/stream")).build();
    var lines = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS).body();
    try (lines) {
      return lines.filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
    }
  }
}
