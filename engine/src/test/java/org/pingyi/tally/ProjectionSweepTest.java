package org.pingyi.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.ballot.StoredBallot;
import org.pingyi.store.RedisLocation;
import org.pingyi.store.RedisStore;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * A ballot committed by an instance that died before counting it (here: a row written straight into PostgreSQL)
 * is counted by the routine sweep of a live instance, exactly once: the sweeps that follow do not count it again.
 * A sweep that replays a ballot the live tally already holds (one whose count landed between the sweep's check and
 * its replay) adds nothing: the tally's script counts each representative once per session, whatever it is given.
 */
class ProjectionSweepTest {
  /** A ballot row as a dead instance would have left it: committed 15 s ago (settled), never projected. */
  static final String ORPHAN = """
      INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, receipt, body_hash, submitted_at)
      SELECT ?, id, weight_class, district, ?::jsonb, ?, 'x', now() - interval '15 seconds'
      FROM representatives WHERE id = ?""";

  @Test
  void aSettledBallotRedisNeverSawIsCountedByTheRoutineSweepOnceAndNotAgainByTheNext() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(2);
      Api api = engine.api();
      String[] auditor = Api.bearer(engine.auditor());

      insertOrphan(engine, reps.get(0), "sweeptest0000000000000000a", "dissatisfied");
      JsonObject first = Eventually.await("the sweep to count the first orphan", () -> live(api, auditor),
          j -> j.getLong("voted", 0L) >= 1, Duration.ofSeconds(25));
      assertEquals(1, first.getLong("voted"));

      // Only a sweep counts a row written past the engine, so the second orphan being counted proves that a sweep
      // has run after the first was counted; by then the first must still be counted once.
      insertOrphan(engine, reps.get(1), "sweeptest0000000000000000b", "satisfied");
      JsonObject second = Eventually.await("a later sweep to count the second orphan", () -> live(api, auditor),
          j -> j.getLong("voted", 0L) >= 2, Duration.ofSeconds(25));
      assertEquals(2, second.getLong("voted"), "the first orphan is not counted again by the next sweep");
      for (Object row : second.getJsonArray("rankings")) {
        assertEquals(2, ((JsonObject) row).getLong("votes"), "two ballots on every department: " + row);
      }
      JsonObject d08 = second.getJsonArray("rankings").stream().map(JsonObject.class::cast)
          .filter(r -> r.getJsonObject("department").getString("code").equals("D08")).findFirst().orElseThrow();
      assertEquals(50.0, ((Number) d08.getValue("score")).doubleValue(), "D08: one satisfied (100) and one dissatisfied (0)");
      JsonObject reconcile = api.get("/api/v1/admin/sessions/econ1-2024/reconcile", auditor).json();
      assertEquals(true, reconcile.getBoolean("consistent"), reconcile.encode());
      assertEquals(2, reconcile.getLong("ballots"));
    }
  }

  /**
   * The sweep above never offers a counted ballot again (its mark and its membership check keep it away), so it
   * cannot show that the count itself is idempotent; this does, on the live tally alone: the same ballots applied
   * again, alone and beside a new one, change no counter but the new ballot's.
   */
  @Test
  void aBallotReplayedToTheLiveTallyIsCountedOnce() throws Exception {
    Vertx vertx = Vertx.vertx();
    RedisStore redis = RedisStore.connect(RedisLocation.parse(TestServers.REDIS),
        "pingyi-test-" + UUID.randomUUID().toString().replace("-", ""));
    try {
      LiveTally tally = new LiveTally(vertx, redis);
      StoredBallot a = new StoredBallot(1, "s1", "rep-a", "A", "shinan", Map.of("D01", "satisfied", "D02", "dissatisfied"));
      StoredBallot b = new StoredBallot(2, "s1", "rep-b", "B", "laixi", Map.of("D01", "satisfied", "D02", "satisfied"));
      await(tally.apply(List.of(a)));
      await(tally.apply(List.of(a)));
      await(tally.apply(List.of(a, b)));
      LiveTally.SessionCounters counters = await(tally.read("s1"));
      assertEquals(2, counters.voted());
      assertEquals(Map.of("shinan", 1L, "laixi", 1L), counters.turnoutByDistrict(), "each ballot in its district once");
      assertEquals(Map.of(
          "D01", Map.of("A", Map.of("satisfied", 1L), "B", Map.of("satisfied", 1L)),
          "D02", Map.of("A", Map.of("dissatisfied", 1L), "B", Map.of("satisfied", 1L))),
          counters.countsByDepartment(), "each grade once per ballot, however often the ballot was replayed");
    } finally {
      try {
        redis.deleteNamespace();
      } finally {
        redis.close();
        await(vertx.close());
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static JsonObject live(Api api, String[] auditor) {
    return api.get("/api/v1/sessions/econ1-2024/live", auditor).json();
  }

  /** Every department satisfied except D08, which gets {@code d08}. */
  private static void insertOrphan(TestEngine engine, String rep, String receipt, String d08) throws Exception {
    JsonObject scores = Ballots.all(Ballots.ECON1, "satisfied").getJsonObject("scores").put("D08", d08);
    try (var c = TestServers.connect(engine.database()); var insert = c.prepareStatement(ORPHAN)) {
      insert.setString(1, "econ1-2024");
      insert.setString(2, scores.encode());
      insert.setString(3, receipt);
      insert.setString(4, rep);
      assertEquals(1, insert.executeUpdate());
    }
  }
}
