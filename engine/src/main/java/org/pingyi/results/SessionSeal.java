package org.pingyi.results;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.pingyi.edition.Edition;

/**
 * Seals a closed session inside the caller's transaction: counts every ballot from PostgreSQL alone, fixes the
 * hash chain root, and stores results.json. Redis plays no part.
 */
public final class SessionSeal {
  static final String INSERT = """
      INSERT INTO session_results (session_id, sealed_at, ballots, chain_root, document) VALUES ($1, $2, $3, $4, $5)""";

  private final Edition edition;

  public SessionSeal(Edition edition) {
    this.edition = edition;
  }

  public Future<JsonObject> seal(SqlConnection conn, String sessionId) {
    Edition.Session session = edition.session(sessionId).orElseThrow();
    SessionCount count = new SessionCount(edition, session);
    Instant sealedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return SealedBallots.forEachPage(conn, sessionId, page -> {
      page.forEach(count::add);
      return Future.succeededFuture();
    }).compose(v -> {
      JsonObject document = ResultsDocument.of(edition, session, "sealed", sealedAt, count.ballots(), count.chainRoot(),
          count.results());
      return conn.preparedQuery(INSERT)
          .execute(Tuple.of(sessionId, sealedAt.atOffset(java.time.ZoneOffset.UTC), count.ballots(), count.chainRoot(), document.encode()))
          .map(document);
    });
  }
}
