package org.pingyi.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** Versioned SQL migrations from classpath:db/migration. Blocking: runs before the HTTP server starts. */
public final class Migrations {
  private Migrations() {}

  public static int migrate(PgLocation location) throws SQLException {
    createDatabaseIfMissing(location);
    return Flyway.configure()
        .dataSource(location.jdbcUrl(), location.user(), location.password())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** The engine may own a database of its own on a shared server; it creates it rather than borrow another. */
  private static void createDatabaseIfMissing(PgLocation location) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", location.user());
    props.setProperty("password", location.password());
    try (Connection c = DriverManager.getConnection(location.withDatabase("postgres").jdbcUrl(), props);
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
