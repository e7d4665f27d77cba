package org.pingyi.session;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads session states from PostgreSQL, the one truth about them. */
public final class SessionRepository {
  static final String SELECT_ALL = "SELECT id, state, state_changed_at, closes_at FROM sessions WHERE edition_id = $1";
  static final String SELECT_ONE = "SELECT id, state, state_changed_at, closes_at FROM sessions WHERE id = $1";

  private final Pool pool;
  private final String editionId;

  public SessionRepository(Pool pool, String editionId) {
    this.pool = pool;
    this.editionId = editionId;
  }

  public Future<Map<String, SessionStatus>> all() {
    return pool.preparedQuery(SELECT_ALL).execute(Tuple.of(editionId)).map(rows -> {
      Map<String, SessionStatus> states = new LinkedHashMap<>();
      rows.forEach(row -> states.put(row.getString("id"), toStatus(row)));
      return states;
    });
  }

  public Future<Optional<SessionStatus>> find(String id) {
    return find(pool, id);
  }

  /** Within a transaction, on its connection. */
  public Future<Optional<SessionStatus>> find(SqlClient client, String id) {
    return client.preparedQuery(SELECT_ONE).execute(Tuple.of(id)).map(rows ->
        rows.size() == 0 ? Optional.empty() : Optional.of(toStatus(rows.iterator().next())));
  }

  /** A row with id, state, state_changed_at and closes_at. */
  static SessionStatus toStatus(Row row) {
    OffsetDateTime changed = row.getOffsetDateTime("state_changed_at");
    return new SessionStatus(row.getString("id"), SessionState.valueOf(row.getString("state")), changed.toInstant(),
        row.getOffsetDateTime("closes_at").toInstant());
  }
}
