package org.pingyi.edition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.pingyi.store.PgLocation;

/**
 * Writes the edition's groups, departments and sessions into PostgreSQL at start, in one transaction. Names and
 * times follow the file; a session's state is never touched, so a restart mid-evening keeps it.
 */
public final class EditionSync {
  static final String UPSERT_EDITION = """
      INSERT INTO editions (id, name) VALUES (?, ?)
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, loaded_at = now()""";
  static final String UPSERT_GROUP = """
      INSERT INTO groups (edition_id, code, name, position) VALUES (?, ?, ?, ?)
      ON CONFLICT (edition_id, code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position""";
  static final String UPSERT_DEPARTMENT = """
      INSERT INTO departments (edition_id, code, group_code, name, position) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (edition_id, code) DO UPDATE
        SET group_code = EXCLUDED.group_code, name = EXCLUDED.name, position = EXCLUDED.position""";
  static final String UPSERT_SESSION = """
      INSERT INTO sessions (id, edition_id, group_code, opens_at, closes_at, electorate) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE
        SET group_code = EXCLUDED.group_code, opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at,
            electorate = EXCLUDED.electorate""";

  private EditionSync() {}

  /** Blocking; runs at start before the HTTP server. */
  public static void sync(PgLocation location, Edition edition) throws SQLException {
    try (Connection c = location.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ed = c.prepareStatement(UPSERT_EDITION);
           PreparedStatement gr = c.prepareStatement(UPSERT_GROUP);
           PreparedStatement de = c.prepareStatement(UPSERT_DEPARTMENT);
           PreparedStatement se = c.prepareStatement(UPSERT_SESSION)) {
        ed.setString(1, edition.id());
        ed.setString(2, edition.name());
        ed.executeUpdate();
        int groupPosition = 0;
        int departmentPosition = 0;
        for (Edition.Group g : edition.groups()) {
          gr.setString(1, edition.id());
          gr.setString(2, g.code());
          gr.setString(3, g.name());
          gr.setInt(4, groupPosition++);
          gr.addBatch();
          for (Edition.Department d : g.departments()) {
            de.setString(1, edition.id());
            de.setString(2, d.code());
            de.setString(3, g.code());
            de.setString(4, d.name());
            de.setInt(5, departmentPosition++);
            de.addBatch();
          }
        }
        gr.executeBatch();
        de.executeBatch();
        for (Edition.Session s : edition.sessions()) {
          se.setString(1, s.id());
          se.setString(2, edition.id());
          se.setString(3, s.group());
          se.setTimestamp(4, Timestamp.from(s.opensAt()));
          se.setTimestamp(5, Timestamp.from(s.closesAt()));
          var categories = s.electorateOrAll().categories();
          se.setArray(6, categories == null || categories.isEmpty() ? null : c.createArrayOf("text", categories.toArray()));
          se.addBatch();
        }
        se.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
