package org.pingyi.results;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.pingyi.Hashes;
import org.pingyi.keys.Pseudonyms;

/**
 * A session's ballots in canonical (ballot id) order, read through a cursor a page at a time, so a 100,000-ballot
 * session never sits in the heap at once, each made pseudonymous (voter, receipt hash). Needs a connection inside a
 * transaction.
 */
public final class SealedBallots {
  static final String SELECT = """
      SELECT id, representative_id, weight_class, district, receipt, submitted_at, scores
      FROM ballots WHERE session_id = $1 ORDER BY id""";
  static final int PAGE = 1000;

  private SealedBallots() {}

  public static Future<Void> forEachPage(SqlConnection conn, String sessionId, Pseudonyms pseudonyms,
      Function<List<CanonicalBallot>, Future<Void>> page) {
    return conn.prepare(SELECT).compose(statement -> {
      Cursor cursor = statement.cursor(Tuple.of(sessionId));
      return read(cursor, sessionId, pseudonyms, page, 1).eventually(() -> cursor.close());
    });
  }

  private static Future<Void> read(Cursor cursor, String sessionId, Pseudonyms pseudonyms,
      Function<List<CanonicalBallot>, Future<Void>> page, long seq) {
    return cursor.read(PAGE).compose(rows -> {
      List<CanonicalBallot> ballots = new ArrayList<>(rows.size());
      long next = seq;
      for (Row row : rows) {
        ballots.add(toCanonical(row, sessionId, pseudonyms, next++));
      }
      long after = next;
      return page.apply(ballots)
          .compose(v -> cursor.hasMore() ? read(cursor, sessionId, pseudonyms, page, after) : Future.succeededFuture());
    });
  }

  private static CanonicalBallot toCanonical(Row row, String sessionId, Pseudonyms pseudonyms, long seq) {
    JsonObject scores = row.getJsonObject("scores");
    Map<String, String> map = new TreeMap<>();
    scores.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    return new CanonicalBallot(seq, String.valueOf(row.getLong("id")), sessionId, pseudonyms.voter(row.getString("representative_id")),
        row.getString("weight_class"), row.getString("district"), Hashes.sha256Hex(row.getString("receipt")),
        row.getOffsetDateTime("submitted_at").toInstant().toString(), map);
  }
}
