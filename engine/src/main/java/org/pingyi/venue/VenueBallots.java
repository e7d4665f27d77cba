package org.pingyi.venue;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ballots cast on a community venue's shared tablet. The tablet names its venue in the {@value #HEADER} header of the
 * ballot POST: {@link #check} refuses a code the edition does not declare (422 {@code unknown_venue}, before anything
 * is stored), and {@link #stored} adds one to the (session, venue) count once the writer has committed a new ballot.
 * The venue never reaches the ballot row, the writer or the tally, so a phone's ballot takes the same path as before
 * and a venue ballot costs this one statement after its commit.
 *
 * <p>The count is operational, not a result: if the engine dies (or PostgreSQL fails) between the ballot's commit and
 * this statement, the ballot stands and is counted in the session's results, and its venue's count stays one short;
 * the retry with the same Idempotency-Key is a replay and adds nothing.
 */
public final class VenueBallots {
  public static final String HEADER = "Pingyi-Venue";
  private static final String KEY = "venue";
  private static final long COUNT_TIMEOUT_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(VenueBallots.class);

  /** One more ballot of a venue in a session; the first makes the row. */
  static final String COUNT_ONE = """
      INSERT INTO venue_ballots (session_id, venue, ballots) VALUES ($1, $2, 1)
      ON CONFLICT (session_id, venue) DO UPDATE SET ballots = venue_ballots.ballots + 1""";

  private final Edition edition;
  private final Pool pool;

  /** @param pool the writer's (the count is a write, on the primary) */
  public VenueBallots(Edition edition, Pool pool) {
    this.edition = edition;
    this.pool = pool;
  }

  /** Route handler before the ballot's: lets a ballot without the header through, and one of a declared venue. */
  public void check(RoutingContext ctx) {
    String code = ctx.request().getHeader(HEADER);
    if (code == null) {
      ctx.next();
      return;
    }
    var venue = edition.venue(code);
    if (venue.isEmpty()) {
      ctx.fail(new ProblemException(ProblemCode.unknown_venue,
          "This tablet's venue is not one of the edition's community venues; nothing was stored.",
          List.of(new FieldError(HEADER, "not a venue code of this edition"))));
      return;
    }
    ctx.put(KEY, venue.get());
    ctx.next();
  }

  /**
   * After a ballot stored now (never after a replay): counts it for the request's venue, if any. Never fails: a count
   * that could not be written is logged (session and venue only) and the ballot is answered all the same.
   */
  public Future<Void> stored(RoutingContext ctx, String sessionId) {
    Edition.Venue venue = ctx.get(KEY);
    if (venue == null) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(COUNT_ONE).execute(Tuple.of(sessionId, venue.code()))
        .timeout(COUNT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(e -> {
          // A timeout does not stop the statement: the count may still land, so say unknown, not "not counted".
          LOG.warn("a ballot of venue {} in session {} is stored; whether the venue counted it is unknown: {}",
              venue.code(), sessionId, e.getClass().getSimpleName());
          return Future.succeededFuture();
        });
  }
}
