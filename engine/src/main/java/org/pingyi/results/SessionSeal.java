package org.pingyi.results;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.pingyi.edition.Edition;
import org.pingyi.keys.Pseudonyms;

/**
 * Seals a closed session inside the caller's transaction: counts every ballot from PostgreSQL alone, fixes the
 * hash chain root, binds the edition's hash, stores results.json and its signature. Redis plays no part. At publish
 * the same document, now saying "published", is signed again.
 */
public final class SessionSeal {
  private final Edition edition;
  private final String editionSha256;
  private final Pseudonyms pseudonyms;
  private final ResultsSigner signer;

  public SessionSeal(Edition edition, String editionSha256, Pseudonyms pseudonyms, ResultsSigner signer) {
    this.edition = edition;
    this.editionSha256 = editionSha256;
    this.pseudonyms = pseudonyms;
    this.signer = signer;
  }

  /** The results document as served right after the seal (with keyId and signature). */
  public Future<JsonObject> seal(SqlConnection conn, String sessionId) {
    Edition.Session session = edition.session(sessionId).orElseThrow();
    SessionCount count = new SessionCount(edition, session);
    Instant sealedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return SealedBallots.forEachPage(conn, sessionId, pseudonyms, page -> {
      page.forEach(count::add);
      return Future.succeededFuture();
    }).compose(v -> {
      String document = ResultsDocument.of(edition, session, "sealed", sealedAt, count.ballots(), count.chainRoot(),
          editionSha256, count.results()).encode();
      String signature = signer.sign(document);
      return conn.preparedQuery(ResultsSql.INSERT_RESULTS)
          .execute(Tuple.of(sessionId, sealedAt.atOffset(ZoneOffset.UTC), count.ballots(), count.chainRoot(), document))
          .compose(r -> conn.preparedQuery(ResultsSql.INSERT_SIGNATURE).execute(Tuple.of(sessionId, "sealed", signer.keyId(), signature)))
          .map(r -> new JsonObject(ResultsDocument.served(document, "sealed", signer.keyId(), signature)));
    });
  }

  /** Signs the sealed document as published, in the publish transaction. */
  public Future<Void> signPublished(SqlConnection conn, String sessionId) {
    return conn.preparedQuery(ResultsSql.STORED_DOCUMENT).execute(Tuple.of(sessionId)).compose(rows -> {
      String published = ResultsDocument.withState(rows.iterator().next().getString("document"), "published");
      return conn.preparedQuery(ResultsSql.INSERT_SIGNATURE)
          .execute(Tuple.of(sessionId, "published", signer.keyId(), signer.sign(published))).mapEmpty();
    });
  }
}
