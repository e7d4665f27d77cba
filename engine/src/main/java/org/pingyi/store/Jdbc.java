package org.pingyi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Blocking JDBC for start-up work (roles, grants, checks): before anything listens, never on an event loop. */
final class Jdbc {
  private Jdbc() {}

  /** The same connection Flyway gets: every host of the URL, its sslmode and target_session_attrs. */
  static Connection connect(PgLocation location) throws SQLException {
    return location.connect();
  }

  static boolean exists(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement st = prepare(c, sql, args); ResultSet rs = st.executeQuery()) {
      return rs.next();
    }
  }

  /** Runs a {@code SELECT format(…)} that answers DDL text (one or more rows), then runs each statement; answers how many. */
  static int ddl(Connection c, String formatQuery, String... args) throws SQLException {
    List<String> statements = new ArrayList<>();
    try (PreparedStatement st = prepare(c, formatQuery, args); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        statements.add(rs.getString(1));
      }
    }
    try (var run = c.createStatement()) {
      for (String statement : statements) {
        run.execute(statement);
      }
    }
    return statements.size();
  }

  private static PreparedStatement prepare(Connection c, String sql, String... args) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      st.setString(i + 1, args[i]);
    }
    return st;
  }
}
