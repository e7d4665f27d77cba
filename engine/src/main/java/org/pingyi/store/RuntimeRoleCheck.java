package org.pingyi.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at the runtime role from its own connection: a superuser, a role that may create roles, one that owns (or
 * may become the owner of) the tables, the database or the schema, or one that may change an append-only table
 * could undo the ballots' guarantees. Production refuses to start with any of these; development warns.
 */
public final class RuntimeRoleCheck {
  private RuntimeRoleCheck() {}

  /** Blocking; answers what is wrong with the role, empty when nothing is. */
  public static List<String> problems(PgLocation runtime) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Connection c = Jdbc.connect(runtime)) {
      try (var st = c.createStatement(); ResultSet rs = st.executeQuery(RoleSql.RUNTIME_ROLE)) {
        rs.next();
        if (rs.getBoolean("rolsuper")) {
          problems.add("is a superuser");
        }
        if (rs.getBoolean("rolcreaterole")) {
          problems.add("may create roles");
        }
        if (rs.getBoolean("rolbypassrls")) {
          problems.add("bypasses row-level security");
        }
        if (rs.getLong("owned") > 0) {
          problems.add("owns (or may act as the owner of) " + rs.getLong("owned") + " table(s) or sequence(s)");
        }
        if (rs.getBoolean("owns_database")) {
          problems.add("owns the database");
        }
        if (rs.getBoolean("owns_schema")) {
          problems.add("owns schema public");
        }
        if (rs.getBoolean("creates")) {
          problems.add("may create objects in schema public");
        }
      }
      try (var st = c.createStatement(); ResultSet rs = st.executeQuery(RoleSql.APPEND_ONLY_RIGHTS)) {
        while (rs.next()) {
          problems.add("may " + rs.getString(2) + " the append-only table " + rs.getString(1));
        }
      }
    }
    return problems;
  }
}
