package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.StoredBallot;
import org.pingyi.store.RedisStore;

/** The Redis projection of committed ballots: counting one, and reading a session's counters back. */
public final class LiveTally {
  private final Vertx vertx;
  private final RedisStore redis;
  private final TallyScript script;

  public LiveTally(Vertx vertx, RedisStore redis) {
    this.vertx = vertx;
    this.redis = redis;
    this.script = new TallyScript(vertx, redis);
  }

  /** Counts the ballots (each at most once, ever); fails if Redis does not take all of them. */
  public Future<Void> apply(List<StoredBallot> ballots) {
    List<Future<Long>> runs = new ArrayList<>(ballots.size());
    for (StoredBallot b : ballots) {
      runs.add(apply(b));
    }
    return Future.all(runs).mapEmpty();
  }

  Future<Long> apply(StoredBallot b) {
    String[] keys = {TallyKeys.counted(b.sessionId()), TallyKeys.turnout(b.sessionId()), TallyKeys.counts(b.sessionId())};
    String[] args = new String[2 + b.scores().size()];
    args[0] = b.representativeId();
    args[1] = b.district();
    int i = 2;
    for (Map.Entry<String, String> score : b.scores().entrySet()) {
      args[i++] = TallyKeys.countField(score.getKey(), b.weightClass(), score.getValue());
    }
    return script.run(keys, args);
  }

  /** A session's counters as Redis holds them now. */
  public Future<SessionCounters> read(String sessionId) {
    Future<Long> voted = redis.call(vertx, c -> c.scard(TallyKeys.counted(sessionId)));
    Future<Map<String, String>> turnout = redis.call(vertx, c -> c.hgetall(TallyKeys.turnout(sessionId)));
    Future<Map<String, String>> counts = redis.call(vertx, c -> c.hgetall(TallyKeys.counts(sessionId)));
    return Future.all(voted, turnout, counts).map(v -> SessionCounters.of(voted.result(), turnout.result(), counts.result()));
  }

  /** Forgets a session's counters, before a recount rebuilds them. */
  public Future<Void> clear(String sessionId) {
    return redis.<Long>call(vertx, c -> c.del(TallyKeys.counted(sessionId), TallyKeys.turnout(sessionId),
        TallyKeys.counts(sessionId))).mapEmpty();
  }

  Future<Long> highWaterMark() {
    return redis.<String>call(vertx, c -> c.get(TallyKeys.HIGH_WATER_MARK)).map(v -> v == null ? 0L : Long.parseLong(v));
  }

  Future<Void> raiseHighWaterMark(long id) {
    String script = "local v = tonumber(redis.call('GET', KEYS[1]) or '0') "
        + "if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1]) end return 1";
    return redis.<Long>call(vertx, c -> c.eval(script, io.lettuce.core.ScriptOutputType.INTEGER,
        new String[] {TallyKeys.HIGH_WATER_MARK}, String.valueOf(id))).mapEmpty();
  }

  /** Counter snapshot of one session. */
  public record SessionCounters(long voted, Map<String, Long> turnoutByDistrict,
      Map<String, Map<String, Map<String, Long>>> countsByDepartment) {

    static SessionCounters of(long voted, Map<String, String> turnout, Map<String, String> counts) {
      Map<String, Long> byDistrict = new HashMap<>();
      turnout.forEach((district, n) -> byDistrict.put(district, Long.parseLong(n)));
      Map<String, Map<String, Map<String, Long>>> byDepartment = new HashMap<>();
      counts.forEach((field, n) -> {
        String[] parts = field.split("\\|", 3);
        byDepartment.computeIfAbsent(parts[0], d -> new HashMap<>())
            .computeIfAbsent(parts[1], k -> new HashMap<>())
            .put(parts[2], Long.parseLong(n));
      });
      return new SessionCounters(voted, byDistrict, byDepartment);
    }
  }
}
