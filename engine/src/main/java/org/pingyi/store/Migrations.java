package org.pingyi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** Versioned SQL migrations from classpath:db/migration. Blocking: runs before the HTTP server starts. */
public final class Migrations {
  private Migrations() {}

  /** Creates the database if needed, then migrates it; answers how many migrations ran now. */
  public static int migrate(PgLocation location) throws SQLException {
    createDatabaseIfMissing(location);
    return Flyway.configure()
        .dataSource(location.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /**
   * Blocking. Drops the database of {@code location} (a rehearsal's, at its reset) from the server's maintenance
   * database; answers false when it did not exist. Fails while anybody is still connected to it.
   */
  public static boolean dropDatabase(PgLocation location) throws SQLException {
    try (Connection c = location.withDatabase("postgres").connect()) {
      boolean existed;
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, location.database());
        existed = exists.executeQuery().next();
      }
      Jdbc.ddl(c, "SELECT format('DROP DATABASE IF EXISTS %I', ?)", location.database());
      return existed;
    }
  }

  /**
   * The engine may own a database of its own on a shared server; it creates it rather than borrow another. Instances
   * that start together race for it harmlessly; Flyway's lock then lets one of them migrate. Start-up reads of the
   * database come after it: with several hosts in the URL, a database another instance is creating at that moment
   * can be missing on the primary yet already replicated to a standby, and pgJDBC then reports no primary at all.
   */
  public static void createDatabaseIfMissing(PgLocation location) throws SQLException {
    try (Connection c = location.withDatabase("postgres").connect();
         PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, location.database());
      if (!exists.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("CREATE DATABASE \"" + location.database().replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
          // Several instances starting at once: one creates it, the others find it made (42P04, or 23505 on the catalog).
          if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    }
  }
}
