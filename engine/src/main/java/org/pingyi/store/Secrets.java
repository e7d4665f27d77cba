package org.pingyi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Secrets every engine instance sharing this PostgreSQL must agree on (the access-token key, the demo
 * provider's key). The first instance to start makes each one; the others read it.
 */
public final class Secrets {
  static final String INSERT = "INSERT INTO engine_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING";
  static final String SELECT = "SELECT value FROM engine_secrets WHERE name = ?";

  private Secrets() {}

  /** Blocking; called at start. */
  public static String getOrCreate(PgLocation location, String name, Supplier<String> fresh) throws SQLException {
    try (Connection c = location.connect()) {
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        insert.setString(1, name);
        insert.setString(2, fresh.get());
        insert.executeUpdate();
      }
      try (PreparedStatement select = c.prepareStatement(SELECT)) {
        select.setString(1, name);
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    }
  }
}
