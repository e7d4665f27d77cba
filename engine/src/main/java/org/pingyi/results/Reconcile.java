package org.pingyi.results;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.pingyi.edition.Edition;
import org.pingyi.tally.LiveTally;

/** Compares the live counters in Redis with what PostgreSQL holds, counter by counter. */
public final class Reconcile {
  static final String COUNTS = """
      SELECT s.key AS department, b.weight_class, s.value AS grade, count(*) AS n
      FROM ballots b, jsonb_each_text(b.scores) AS s
      WHERE b.session_id = $1
      GROUP BY 1, 2, 3""";
  static final String TURNOUT = "SELECT district, count(*) AS n FROM ballots WHERE session_id = $1 GROUP BY district";

  private final Pool pool;
  private final LiveTally tally;

  public Reconcile(Pool pool, LiveTally tally) {
    this.pool = pool;
    this.tally = tally;
  }

  public Future<JsonObject> compare(Edition.Session session) {
    Future<Map<String, Long>> counts = pool.preparedQuery(COUNTS).execute(Tuple.of(session.id())).map(rows -> {
      Map<String, Long> map = new HashMap<>();
      rows.forEach(r -> map.put(r.getString("department") + "|" + r.getString("weight_class") + "|" + r.getString("grade"), r.getLong("n")));
      return map;
    });
    Future<Map<String, Long>> turnout = pool.preparedQuery(TURNOUT).execute(Tuple.of(session.id())).map(rows -> {
      Map<String, Long> map = new HashMap<>();
      rows.forEach(r -> map.put(r.getString("district"), r.getLong("n")));
      return map;
    });
    Future<LiveTally.SessionCounters> live = tally.read(session.id());
    return Future.all(counts, turnout, live).map(v -> {
      JsonArray differences = new JsonArray();
      Map<String, Long> pgCounts = counts.result();
      long pgBallots = turnout.result().values().stream().mapToLong(Long::longValue).sum();
      if (pgBallots != live.result().voted()) {
        differences.add(difference("voted", "ballots", pgBallots, live.result().voted()));
      }
      Map<String, Long> redisCounts = new HashMap<>();
      live.result().countsByDepartment().forEach((d, byClass) -> byClass.forEach((k, byGrade) ->
          byGrade.forEach((g, n) -> redisCounts.put(d + "|" + k + "|" + g, n))));
      for (String key : new TreeSet<>(union(pgCounts, redisCounts))) {
        long pg = pgCounts.getOrDefault(key, 0L);
        long redis = redisCounts.getOrDefault(key, 0L);
        if (pg != redis) {
          differences.add(difference("count", key, pg, redis));
        }
      }
      for (String district : new TreeSet<>(union(turnout.result(), live.result().turnoutByDistrict()))) {
        long pg = turnout.result().getOrDefault(district, 0L);
        long redis = live.result().turnoutByDistrict().getOrDefault(district, 0L);
        if (pg != redis) {
          differences.add(difference("turnout", district, pg, redis));
        }
      }
      return new JsonObject().put("sessionId", session.id()).put("consistent", differences.isEmpty())
          .put("ballots", pgBallots).put("differences", differences);
    });
  }

  private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
    java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static JsonObject difference(String kind, String key, long postgres, long redis) {
    return new JsonObject().put("kind", kind).put("key", key).put("postgres", postgres).put("redis", redis);
  }
}
