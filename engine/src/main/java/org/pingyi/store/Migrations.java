package org.pingyi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** Versioned SQL migrations from classpath:db/migration. Blocking: runs before the HTTP server starts. */
public final class Migrations {
  private Migrations() {}

  public static int migrate(PgLocation location) throws SQLException {
    createDatabaseIfMissing(location);
    return Flyway.configure()
        .dataSource(location.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** The engine may own a database of its own on a shared server; it creates it rather than borrow another. */
  private static void createDatabaseIfMissing(PgLocation location) throws SQLException {
    try (Connection c = location.withDatabase("postgres").connect();
         PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, location.database());
      if (!exists.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("CREATE DATABASE \"" + location.database().replace("\"", "\"\"") + "\"");
        }
      }
    }
  }
}
