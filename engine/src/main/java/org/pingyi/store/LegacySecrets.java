package org.pingyi.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Before issue 13 the access-token key and the demo face-auth key lived in the table engine_secrets, readable by
 * anyone with the database. Migration V5 drops it; the engine then uses key files (new keys, see EngineKeys).
 */
public final class LegacySecrets {
  static final String PRESENT = "SELECT 1 FROM pg_class WHERE relname = 'engine_secrets' AND relkind = 'r'";

  private LegacySecrets() {}

  /** Blocking; true when the old table still exists (the next migration removes it). */
  public static boolean present(PgLocation owner) throws SQLException {
    try (Connection c = Jdbc.connect(owner)) {
      return Jdbc.exists(c, PRESENT);
    } catch (SQLException e) {
      if ("3D000".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }
}
