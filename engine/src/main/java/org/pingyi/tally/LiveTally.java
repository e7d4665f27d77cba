package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.StoredBallot;
import org.pingyi.store.RedisStore;

/** The Redis projection of committed ballots: counting one, and reading a session's counters back. */
public final class LiveTally {
  private final Vertx vertx;
  private final RedisStore redis;
  private final TallyScript count;
  private final TallyScript raiseMark;
  private final TallyKeys tallyKeys;

  public LiveTally(Vertx vertx, RedisStore redis) {
    this.vertx = vertx;
    this.redis = redis;
    this.tallyKeys = new TallyKeys(redis);
    this.count = new TallyScript(vertx, redis, TallyScript.SOURCE);
    this.raiseMark = new TallyScript(vertx, redis, TallyScript.RAISE_MARK);
  }

  /** Counts the ballots (each at most once, ever), one script per session; fails if Redis does not take all of them. */
  public Future<Void> apply(List<StoredBallot> ballots) {
    Map<String, List<String>> argsBySession = new LinkedHashMap<>();
    for (StoredBallot b : ballots) {
      List<String> args = argsBySession.computeIfAbsent(b.sessionId(), s -> new ArrayList<>(ballots.size() * 11));
      args.add(b.representativeId());
      args.add(b.district());
      args.add(String.valueOf(b.scores().size()));
      for (Map.Entry<String, String> score : b.scores().entrySet()) {
        args.add(TallyKeys.countField(score.getKey(), b.weightClass(), score.getValue()));
      }
    }
    List<Future<Long>> runs = new ArrayList<>(argsBySession.size());
    argsBySession.forEach((sessionId, args) -> runs.add(count.run(
        new String[] {tallyKeys.counted(sessionId), tallyKeys.turnout(sessionId), tallyKeys.counts(sessionId)},
        args.toArray(String[]::new))));
    return Future.all(runs).mapEmpty();
  }

  /** Which of these ballots Redis has not counted yet (by their representative in the session's counted set). */
  Future<List<Long>> uncounted(List<BallotRows.Key> keys) {
    Map<String, List<BallotRows.Key>> bySession = new LinkedHashMap<>();
    keys.forEach(k -> bySession.computeIfAbsent(k.sessionId(), s -> new ArrayList<>()).add(k));
    List<Future<List<Long>>> checks = new ArrayList<>(bySession.size());
    bySession.forEach((sessionId, sessionKeys) -> {
      String[] members = sessionKeys.stream().map(BallotRows.Key::representativeId).toArray(String[]::new);
      checks.add(redis.<List<Boolean>>call(vertx, c -> c.smismember(tallyKeys.counted(sessionId), members)).map(found -> {
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
          if (!Boolean.TRUE.equals(found.get(i))) {
            missing.add(sessionKeys.get(i).id());
          }
        }
        return missing;
      }));
    });
    return Future.all(checks).map(done -> {
      List<Long> missing = new ArrayList<>();
      checks.forEach(f -> missing.addAll(f.result()));
      return missing;
    });
  }

  /** A session's counters as Redis holds them now. */
  public Future<SessionCounters> read(String sessionId) {
    Future<Long> voted = redis.call(vertx, c -> c.scard(tallyKeys.counted(sessionId)));
    Future<Map<String, Long>> turnout = turnoutByDistrict(sessionId);
    Future<Map<String, String>> counts = redis.call(vertx, c -> c.hgetall(tallyKeys.counts(sessionId)));
    return Future.all(voted, turnout, counts).map(v -> SessionCounters.of(voted.result(), turnout.result(), counts.result()));
  }

  /** Ballots counted in a session, in all and per district: two small reads, not the department counters. */
  public Future<Counted> counted(String sessionId) {
    Future<Long> voted = redis.call(vertx, c -> c.scard(tallyKeys.counted(sessionId)));
    Future<Map<String, Long>> byDistrict = turnoutByDistrict(sessionId);
    return Future.all(voted, byDistrict).map(v -> new Counted(voted.result(), byDistrict.result()));
  }

  public record Counted(long voted, Map<String, Long> byDistrict) {}

  /** Ballots counted per district of a session. */
  public Future<Map<String, Long>> turnoutByDistrict(String sessionId) {
    return redis.<Map<String, String>>call(vertx, c -> c.hgetall(tallyKeys.turnout(sessionId))).map(turnout -> {
      Map<String, Long> byDistrict = new HashMap<>();
      turnout.forEach((district, n) -> byDistrict.put(district, Long.parseLong(n)));
      return byDistrict;
    });
  }

  /** Forgets a session's counters, before a recount rebuilds them. */
  public Future<Void> clear(String sessionId) {
    return redis.<Long>call(vertx, c -> c.del(tallyKeys.counted(sessionId), tallyKeys.turnout(sessionId),
        tallyKeys.counts(sessionId))).mapEmpty();
  }

  /** The lowest of the sessions' marks: every ballot up to it is counted, whichever session it belongs to. */
  Future<Long> highWaterMark(List<String> sessionIds) {
    List<Future<String>> marks = new ArrayList<>(sessionIds.size());
    sessionIds.forEach(s -> marks.add(redis.call(vertx, c -> c.get(tallyKeys.highWaterMark(s)))));
    return Future.all(marks).map(done -> marks.stream()
        .mapToLong(f -> f.result() == null ? 0L : Long.parseLong(f.result())).min().orElse(0L));
  }

  /** Raises every session's mark to {@code id} (never lowers one), once their ballots up to it are counted. */
  Future<Void> raiseHighWaterMark(List<String> sessionIds, long id) {
    List<Future<Long>> raises = new ArrayList<>(sessionIds.size());
    sessionIds.forEach(s -> raises.add(raiseMark.run(new String[] {tallyKeys.highWaterMark(s)}, String.valueOf(id))));
    return Future.all(raises).mapEmpty();
  }

  /** Counter snapshot of one session. */
  public record SessionCounters(long voted, Map<String, Long> turnoutByDistrict,
      Map<String, Map<String, Map<String, Long>>> countsByDepartment) {

    static SessionCounters of(long voted, Map<String, Long> byDistrict, Map<String, String> counts) {
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
