package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pingyi.edition.Edition;
import org.pingyi.privacy.SmallCells;

/**
 * The turnout payload of API.md: who may vote per district (PostgreSQL: active, of the session's electorate, and
 * active since before it opened, so an alternate promoted later counts for later sessions only) against the ballots
 * counted (Redis); for a sealed session both from PostgreSQL ({@link #sealed}). A
 * district of fewer than the edition's minCellSize eligible representatives is a small cell: it shows
 * {"district","suppressed":true}, since its figures would tell whether a handful of known people voted.
 */
public final class Turnout {
  private final Edition edition;
  private final Pool pool;
  private final LiveTally tally;

  public Turnout(Edition edition, Pool pool, LiveTally tally) {
    this.edition = edition;
    this.pool = pool;
    this.tally = tally;
  }

  /** The payload as of now, read afresh from both stores. */
  public Future<JsonObject> read(String sessionId) {
    Future<Map<String, Long>> eligible = eligible(sessionId);
    Future<LiveTally.Counted> counted = tally.counted(sessionId);
    return Future.all(eligible, counted).map(v -> payload(eligible.result(), counted.result()));
  }

  /**
   * The payload of a sealed session from PostgreSQL alone (the edition report): its ballots are final, so these are
   * the sealed figures, never the live counters; small cells as in the live payload.
   */
  public Future<JsonObject> sealed(String sessionId) {
    Future<Map<String, Long>> eligible = perDistrict(TurnoutSql.ELIGIBLE_BY_DISTRICT_SEALED, sessionId, "eligible");
    Future<Map<String, Long>> voted = perDistrict(TurnoutSql.VOTED_BY_DISTRICT, sessionId, "voted");
    return Future.all(eligible, voted).map(v -> payload(eligible.result(),
        new LiveTally.Counted(voted.result().values().stream().mapToLong(Long::longValue).sum(), voted.result())));
  }

  Future<Map<String, Long>> eligible(String sessionId) {
    return perDistrict(TurnoutSql.ELIGIBLE_BY_DISTRICT, sessionId, "eligible");
  }

  private Future<Map<String, Long>> perDistrict(String sql, String sessionId, String column) {
    return pool.preparedQuery(sql).execute(Tuple.of(sessionId)).map(rows -> {
      Map<String, Long> byDistrict = new HashMap<>();
      rows.forEach(row -> byDistrict.put(row.getString("district"), row.getLong(column)));
      return byDistrict;
    });
  }

  Future<LiveTally.Counted> counted(String sessionId) {
    return tally.counted(sessionId);
  }

  JsonObject payload(Map<String, Long> eligible, LiveTally.Counted counted) {
    Map<String, Long> cells = new LinkedHashMap<>();
    edition.districts().forEach(d -> cells.put(d.code(), eligible.getOrDefault(d.code(), 0L)));
    Set<String> suppressed = SmallCells.suppressed(cells, edition.minCellSize());
    long eligibleTotal = 0;
    JsonArray byDistrict = new JsonArray();
    for (var cell : cells.entrySet()) {
      eligibleTotal += cell.getValue();
      JsonObject row = new JsonObject().put("district", cell.getKey());
      byDistrict.add(suppressed.contains(cell.getKey()) ? row.put("suppressed", true)
          : row.put("eligible", cell.getValue()).put("voted", counted.byDistrict().getOrDefault(cell.getKey(), 0L)));
    }
    long voted = counted.voted();
    return new JsonObject()
        .put("eligible", eligibleTotal)
        .put("voted", voted)
        .put("ratio", eligibleTotal == 0 ? BigDecimal.ZERO
            : BigDecimal.valueOf(voted).divide(BigDecimal.valueOf(eligibleTotal), 4, RoundingMode.HALF_UP))
        .put("byDistrict", byDistrict);
  }
}
