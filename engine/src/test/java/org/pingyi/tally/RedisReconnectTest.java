package org.pingyi.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.RedisProcess;
import org.pingyi.support.TestEngine;

/**
 * After a failover the Redis that answers may be a promoted replica without counts the old master acknowledged. The
 * engine cannot tell that from the answers, only from the reconnect: here the counts vanish (as on such a replica)
 * while the engine's connections are cut, and the next sweep puts them back at once, without waiting the ten
 * seconds after which the routine sweep would look at them.
 */
class RedisReconnectTest {

  @Test
  void aReconnectReplaysCommittedBallotsRedisNoLongerHoldsWithoutWaitingForThemToSettle() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      Api api = engine.api();
      String[] auditor = Api.bearer(engine.auditor());
      for (String rep : engine.activeRepresentatives(5)) {
        assertEquals(201, api.postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
            Api.bearer(engine.accessToken(rep))).status());
      }
      assertEquals(5, Eventually.await(() -> voted(api, auditor), n -> n == 5, Duration.ofSeconds(5)));

      String url = engine.engine().config().redisUrl().orElseThrow();
      int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/(\\d+)$", "$1"));
      String db = url.replaceAll(".*/(\\d+)$", "$1");
      long lostAt = System.nanoTime();
      RedisProcess.cli(port, "-n", db, "DEL", "pingyi:{econ1-2024}:counted", "pingyi:{econ1-2024}:turnout", "pingyi:{econ1-2024}:counts");
      for (String client : RedisProcess.cli(port, "CLIENT", "LIST").split("\n")) {
        if (client.contains(" db=" + db + " ")) {
          RedisProcess.cli(port, "CLIENT", "KILL", "ID", client.replaceAll("^id=(\\d+) .*", "$1"));
        }
      }

      long back = Eventually.await(() -> voted(api, auditor), n -> n == 5, Duration.ofSeconds(6));
      double seconds = (System.nanoTime() - lostAt) / 1e9;
      assertEquals(5, back, "the counts a promoted replica lacked are back");
      assertTrue(seconds < 6, "replayed right after the reconnect, not after the ten seconds a ballot takes to settle");
      JsonObject reconcile = api.get("/api/v1/admin/sessions/econ1-2024/reconcile", auditor).json();
      assertEquals(true, reconcile.getBoolean("consistent"), reconcile.encode());
    }
  }

  private static long voted(Api api, String[] auditor) {
    return api.get("/api/v1/sessions/econ1-2024/live", auditor).json().getLong("voted", -1L);
  }
}
