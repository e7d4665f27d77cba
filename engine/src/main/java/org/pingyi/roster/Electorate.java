package org.pingyi.roster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pingyi.audit.AuditLog;
import org.pingyi.edition.Edition;
import org.pingyi.keys.Pseudonyms;

/**
 * The locked electorate: locking it (by the operator, or by the first open of any session, in that open's
 * transaction), publishing its commitment at the lock and after every withdrawal, and reading the commitment with
 * its history. Every step holds the roster's table lock, so versions follow one another and an import cannot slip
 * in between the check and the lock.
 */
public final class Electorate {
  private final Vertx vertx;
  private final Pool pool;
  private final Pool readPool;
  private final Edition edition;
  private final Pseudonyms pseudonyms;

  /** @param readPool for the public commitment, which never waits for a connection the ballot writer needs */
  public Electorate(Vertx vertx, Pool pool, Pool readPool, Edition edition, Pseudonyms pseudonyms) {
    this.vertx = vertx;
    this.pool = pool;
    this.readPool = readPool;
    this.edition = edition;
    this.pseudonyms = pseudonyms;
  }

  /** Locks the electorate unless it is locked already; answers the commitment as published. */
  public Future<JsonObject> lock(String actor) {
    return pool.withTransaction(conn -> lockIfOpen(conn, actor)).compose(v -> commitment()).map(Optional::orElseThrow);
  }

  /** Part of every open: the first one locks the electorate; each records when its session's electorate was set. */
  public Future<Void> opening(SqlConnection conn, String sessionId, String actor) {
    return conn.preparedQuery(RosterSql.OPENED_NOW).execute(Tuple.of(sessionId))
        .compose(v -> locked(conn))
        .compose(locked -> locked ? Future.<Void>succeededFuture() : lockIfOpen(conn, actor));
  }

  Future<Boolean> locked(SqlConnection conn) {
    return conn.preparedQuery(RosterSql.LOCKED).execute(Tuple.of(edition.id())).map(rows -> rows.size() > 0);
  }

  private Future<Void> lockIfOpen(SqlConnection conn, String actor) {
    return conn.query(RosterSql.LOCK).execute()
        .compose(v -> locked(conn))
        .compose(locked -> locked ? Future.<Void>succeededFuture() : publish(conn, "lock", actor)
            .compose(c -> AuditLog.record(conn, actor, "roster.lock", "roster", summary(c))));
  }

  /** Publishes the next version of the commitment; the caller holds the roster lock. */
  Future<Commitment> publish(SqlConnection conn, String event, String actor) {
    return conn.query(RosterSql.ELECTORATE).execute().compose(rows -> {
      List<Commitment.Member> members = new ArrayList<>(rows.size());
      for (Row r : rows) {
        members.add(new Commitment.Member(r.getString("id"), r.getString("category"), r.getString("district"), r.getString("status")));
      }
      return vertx.executeBlocking(() -> Commitment.of(members, pseudonyms, edition), false);
    }).compose(commitment -> conn.preparedQuery(RosterSql.LATEST_VERSION).execute(Tuple.of(edition.id()))
        .compose(rows -> conn.preparedQuery(RosterSql.PUBLISH).execute(Tuple.tuple()
            .addString(edition.id())
            .addInteger(rows.iterator().next().getInteger(0) + 1)
            .addString(event)
            .addString(actor)
            .addInteger(commitment.active())
            .addInteger(commitment.alternates())
            .addValue(Commitment.counts(commitment.byCategory()))
            .addValue(Commitment.counts(commitment.byDistrict()))
            .addString(commitment.sha256())))
        .map(commitment));
  }

  /** API.md's commitment, with every published version in {@code history}; empty before the lock. */
  public Future<Optional<JsonObject>> commitment() {
    return readPool.preparedQuery(RosterSql.HISTORY).execute(Tuple.of(edition.id())).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      JsonArray history = new JsonArray();
      Row first = null;
      Row last = null;
      for (Row r : rows) {
        first = first == null ? r : first;
        last = r;
        history.add(new JsonObject()
            .put("version", r.getInteger("version"))
            .put("publishedAt", r.getOffsetDateTime("published_at").toInstant().toString())
            .put("event", r.getString("event"))
            .put("count", r.getInteger("active"))
            .put("alternates", r.getInteger("alternates"))
            .put("sha256", r.getString("sha256")));
      }
      return Optional.of(new JsonObject()
          .put("lockedAt", first.getOffsetDateTime("published_at").toInstant().toString())
          .put("count", last.getInteger("active"))
          .put("alternates", last.getInteger("alternates"))
          .put("byCategory", last.getJsonObject("by_category"))
          .put("byDistrict", last.getJsonObject("by_district"))
          .put("sha256", last.getString("sha256"))
          .put("version", last.getInteger("version"))
          .put("history", history));
    });
  }

  static JsonObject summary(Commitment c) {
    return new JsonObject().put("count", c.active()).put("alternates", c.alternates()).put("sha256", c.sha256());
  }
}
