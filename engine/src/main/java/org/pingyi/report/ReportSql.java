package org.pingyi.report;

/** The edition report's own reads; sealed figures only (turnout, survey and suggestions are read by their features). */
final class ReportSql {
  private ReportSql() {}

  /** Every session's state: whether the report is public yet. */
  static final String STATES = "SELECT id, state FROM sessions WHERE edition_id = $1";

  /**
   * Every session of the edition with its state and, once sealed, its results document exactly as stored at seal
   * (what the signatures cover); session_results is append-only, so a document read here never changes afterwards.
   */
  static final String SESSIONS = """
      SELECT s.id, s.state, r.document
      FROM sessions s LEFT JOIN session_results r ON r.session_id = s.id
      WHERE s.edition_id = $1""";

  /** The key id of each signature over a session's results: one made at seal, one at publication. */
  static final String SIGNATURES = """
      SELECT g.session_id, g.state, g.key_id
      FROM session_signatures g JOIN sessions s ON s.id = g.session_id
      WHERE s.edition_id = $1""";
}
