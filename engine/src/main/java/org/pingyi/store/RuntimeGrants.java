package org.pingyi.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runtime role may do, granted by the owner role after every migration (so a table a later migration adds
 * is covered the next start): first every right is revoked, then exactly these are granted, in one transaction.
 * Append-only tables (those with a refuse_change trigger) get INSERT and SELECT only, whatever this table says.
 * Nothing grants TRUNCATE, REFERENCES or TRIGGER, and only the owner can ALTER a table or disable its triggers.
 */
public final class RuntimeGrants {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeGrants.class);
  static final String APPEND_ONLY = "SELECT, INSERT";
  static final String READ_ONLY = "SELECT";
  static final String NONE = "";
  static final String UNLISTED = "SELECT, INSERT, UPDATE, DELETE";

  /** Table → privileges, with why. A new table belongs here (RuntimeGrantsTest fails until it is). */
  public static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("editions", READ_ONLY);               // written by EditionSync at start, as the owner
    TABLES.put("groups", READ_ONLY);
    TABLES.put("departments", READ_ONLY);
    TABLES.put("sessions", "SELECT, UPDATE");         // state transitions; FOR SHARE on the ballot path needs UPDATE
    TABLES.put("representatives", "SELECT, INSERT, UPDATE");  // import (upsert), withdrawal, promotion; never deleted
    TABLES.put("ballots", APPEND_ONLY);
    TABLES.put("session_results", APPEND_ONLY);
    TABLES.put("session_signatures", APPEND_ONLY);
    TABLES.put("audit_log", APPEND_ONLY);
    TABLES.put("roster_commitments", APPEND_ONLY);
    TABLES.put("suggestions", "SELECT, INSERT, UPDATE");      // the loop's steps are guarded UPDATEs; never deleted
    TABLES.put("suggestion_steps", APPEND_ONLY);              // the trail, append-only like the audit log
    TABLES.put("suggestion_quota", "SELECT, INSERT, UPDATE"); // the per-author daily count (INSERT … ON CONFLICT DO UPDATE)
    TABLES.put("suggestion_job_runs", "SELECT, INSERT, UPDATE");  // the day's claim, then its counts
    TABLES.put("sms_outbox", "SELECT, INSERT, UPDATE");       // notices: enqueue, claim (FOR UPDATE), settle, erase the phone
    TABLES.put("reminder_waves", "SELECT, INSERT");
    TABLES.put("reminder_messages", "SELECT, INSERT, UPDATE");  // claims and settles sends
    TABLES.put("roster_draws", "SELECT, INSERT, UPDATE");   // each step a guarded UPDATE; pool and roster nulled, never deleted
    TABLES.put("ballot_forms", "SELECT, INSERT");           // first serving of a ballot form (ON CONFLICT DO NOTHING)
    TABLES.put("venue_ballots", "SELECT, INSERT, UPDATE");  // a venue's count: INSERT … ON CONFLICT DO UPDATE +1; never deleted
    TABLES.put("flyway_schema_history", NONE);        // migrations are the owner's
  }

  private RuntimeGrants() {}

  /** Blocking; runs as the owner role, after migrations, before the engine serves. */
  public static void apply(PgLocation owner, String runtimeRole) throws SQLException {
    try (Connection c = Jdbc.connect(owner)) {
      c.setAutoCommit(false);
      try {
        try (var st = c.createStatement()) {
          st.execute(RoleSql.GRANTS_LOCK);
        }
        Jdbc.ddl(c, RoleSql.REVOKE_TABLES, runtimeRole);
        Jdbc.ddl(c, RoleSql.REVOKE_SEQUENCES, runtimeRole);
        for (var table : tables(c).entrySet()) {
          String rights = rights(table.getKey(), table.getValue());
          if (!rights.isEmpty()) {
            Jdbc.ddl(c, RoleSql.GRANT_TABLE, rights, table.getKey(), runtimeRole);
          }
        }
        Jdbc.ddl(c, RoleSql.GRANT_SEQUENCES, runtimeRole);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  static String rights(String table, boolean appendOnly) {
    String listed = TABLES.get(table);
    if (listed == null) {
      LOG.warn("table {} has no entry in RuntimeGrants.TABLES; the runtime role gets {}", table, appendOnly ? APPEND_ONLY : UNLISTED);
      return appendOnly ? APPEND_ONLY : UNLISTED;
    }
    return appendOnly && !listed.equals(NONE) && !listed.equals(READ_ONLY) ? APPEND_ONLY : listed;
  }

  private static Map<String, Boolean> tables(Connection c) throws SQLException {
    Map<String, Boolean> tables = new LinkedHashMap<>();
    try (var st = c.createStatement(); ResultSet rs = st.executeQuery(RoleSql.TABLES)) {
      while (rs.next()) {
        tables.put(rs.getString(1), rs.getBoolean(2));
      }
    }
    return tables;
  }
}
