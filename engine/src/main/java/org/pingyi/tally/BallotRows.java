package org.pingyi.tally;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.Map;
import java.util.TreeMap;
import org.pingyi.ballot.StoredBallot;

/** Reads committed ballots back from PostgreSQL for the projection. */
final class BallotRows {
  static final String COLUMNS = "id, session_id, representative_id, weight_class, district, scores";
  /** Just who voted where, for the sweep to ask Redis about; settled = committed long enough ago to be final. */
  static final String KEYS_AFTER = "SELECT id, session_id, representative_id, "
      + "submitted_at < now() - interval '10 seconds' AS settled FROM ballots WHERE id > $1 ORDER BY id LIMIT $2";
  static final String BY_IDS = "SELECT " + COLUMNS + " FROM ballots WHERE id = ANY ($1) ORDER BY id";
  static final String SESSION_PAGE_AFTER = "SELECT " + COLUMNS + " FROM ballots WHERE session_id = $1 AND id > $2 "
      + "ORDER BY id LIMIT $3";

  private BallotRows() {}

  record Key(long id, String sessionId, String representativeId) {
    static Key of(Row row) {
      return new Key(row.getLong("id"), row.getString("session_id"), row.getString("representative_id"));
    }
  }

  static StoredBallot toBallot(Row row) {
    JsonObject scores = row.getJsonObject("scores");
    Map<String, String> map = new TreeMap<>();
    scores.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    return new StoredBallot(row.getLong("id"), row.getString("session_id"), row.getString("representative_id"),
        row.getString("weight_class"), row.getString("district"), map);
  }
}
