package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEditions;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;
import org.pingyi.support.Until;

/**
 * While every connection of the ballot writer's pool waits (here its only one, on a lock a test transaction holds),
 * the public draw list and the automatic schedule's once-a-second check still answer: they read on the public-reads
 * pool. On the writer's pool they would queue behind the ballot and fail after the pool's five-second wait.
 */
class ReadsApartFromTheWriterTest {
  private static final String SESSION = "econ1-2024";

  @Test
  void publicDrawReadsAndTheScheduleCheckGoOnWhileTheWritersOnlyConnectionWaitsOnALock() throws Exception {
    // econ2's whole window is in the past: the schedule reads the sessions each second and has nothing to do.
    Path edition = TestEditions.withAutomatic("econ2-2024");
    try (TestEngine engine = TestEngine.start(Map.of("postgres.poolSize", "1", "edition", edition.toString()))) {
      engine.open(SESSION);
      String token = engine.accessToken(engine.activeRepresentatives(1).get(0));
      try (Connection lock = TestServers.connect(engine.database())) {
        lock.setAutoCommit(false);
        try (var st = lock.prepareStatement("SELECT 1 FROM sessions WHERE id = ? FOR UPDATE")) {
          st.setString(1, SESSION);
          st.execute();
        }
        CompletableFuture<Api.Reply> ballot = CompletableFuture.supplyAsync(() -> engine.api().postJson(
            "/api/v1/sessions/" + SESSION + "/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
            "Authorization", "Bearer " + token, "Idempotency-Key", "held"));
        Until.holds("the writer's connection waits on the lock", () -> TestServers.count(engine.database(),
            "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'", engine.database()) == 1);

        Api.Reply draws = engine.api().get("/api/v1/draws");
        assertEquals(200, draws.status(), "the public draw list answers: " + draws.body());
        double before = scheduleChecks(engine);
        double after = Eventually.await(() -> scheduleChecks(engine), n -> n >= before + 2, Duration.ofSeconds(4));
        assertTrue(after >= before + 2, "the schedule read the sessions twice while the writer waited: " + before + " → " + after);
        assertTrue(!ballot.isDone(), "the ballot was still waiting for the lock all along");

        lock.rollback();
        assertEquals(201, ballot.get(30, TimeUnit.SECONDS).status(), "the held ballot is stored once the lock goes");
      }
    }
  }

  private static double scheduleChecks(TestEngine engine) {
    return engine.management().get("/metrics").body().lines().filter(l -> l.startsWith("pingyi_schedule_checks_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
