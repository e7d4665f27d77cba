package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * What the ballots' foreign keys guaranteed still holds without them (migration V11): no ballot can name a session
 * or representative that does not exist, and no session or representative a ballot names can go away or change its
 * id, whoever asks, the schema's owner included.
 */
class BallotReferencesTest {
  private static final String INSERT = "INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, "
      + "receipt, body_hash) VALUES (?, ?, 'service', 'jimo', '{}', ?, 'x')";

  @Test
  void aBallotNamesOnlyRowsThatExistAndThoseRowsStayAsLongAsItDoes() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      String voter = engine.activeRepresentatives(1).get(0);
      assertEquals(201, engine.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          Api.bearer(engine.accessToken(voter))).status());
      try (Connection owner = DriverManager.getConnection(TestServers.jdbcUrl(engine.database()),
          TestServers.ownerRole(engine.database()), "")) {
        refused(owner, "23503", INSERT, "econ1-2024", "R999999", "receipt-unknown-representative");
        refused(owner, "23503", INSERT, "no-such-session", voter, "receipt-unknown-session");
        // One unknown row among known ones refuses the whole statement.
        refused(owner, "23503", "INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, receipt, "
            + "body_hash) SELECT 'econ1-2024', r, 'service', 'jimo', '{}', 'rc-' || r, 'x' FROM unnest(?::text[]) AS r",
            owner.createArrayOf("text", new String[] {engine.activeRepresentatives(3).get(2), "R999998"}));
        for (String table : List.of("representatives", "sessions")) {
          String id = table.equals("sessions") ? "econ1-2024" : voter;
          refused(owner, "23001", "DELETE FROM " + table + " WHERE id = ?", id);
          refused(owner, "23001", "UPDATE " + table + " SET id = 'renamed' WHERE id = ?", id);
          refused(owner, "23001", "TRUNCATE " + table + " CASCADE");
        }
      }
      assertEquals(1, engine.count("SELECT count(*) FROM ballots"), "only the engine's ballot is stored");
      assertEquals(1, engine.count("SELECT count(*) FROM representatives WHERE id = ?", voter));
      assertEquals(0, engine.count("SELECT count(*) FROM ballots b WHERE NOT EXISTS "
          + "(SELECT 1 FROM representatives r WHERE r.id = b.representative_id)"));
      // A change that keeps the id, as the roster import's upsert makes, still goes through.
      try (Connection owner = DriverManager.getConnection(TestServers.jdbcUrl(engine.database()),
          TestServers.ownerRole(engine.database()), ""); var st = owner.prepareStatement(
              "UPDATE representatives SET id = id, updated_at = now() WHERE id = ?")) {
        st.setString(1, voter);
        assertEquals(1, st.executeUpdate());
      }
    }
  }

  private static void refused(Connection c, String sqlState, String sql, Object... parameters) {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (var st = c.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          st.setObject(i + 1, parameters[i]);
        }
        st.execute();
      }
    }, sql);
    assertEquals(sqlState, e.getSQLState(), sql + ": " + e.getMessage());
  }
}
