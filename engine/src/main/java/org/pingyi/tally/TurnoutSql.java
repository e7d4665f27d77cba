package org.pingyi.tally;

/** Turnout's statements: who may vote per district, and (for a sealed session) who did, from PostgreSQL. */
final class TurnoutSql {
  private TurnoutSql() {}

  /**
   * Active representatives of the session's electorate per district, active since before it opened (an alternate
   * promoted later counts for later sessions only).
   */
  static final String ELIGIBLE_BY_DISTRICT = """
      SELECT r.district, count(*) AS eligible
      FROM representatives r JOIN sessions s ON s.id = $1
      WHERE r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
        AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)
      GROUP BY r.district""";

  /**
   * For a sealed session: those {@link #ELIGIBLE_BY_DISTRICT} counts, and those who voted in it and withdrew later, so
   * the sealed figures stay as they were at the close (a voter is always one of the eligible).
   */
  static final String ELIGIBLE_BY_DISTRICT_SEALED = """
      SELECT r.district, count(*) AS eligible
      FROM representatives r JOIN sessions s ON s.id = $1
      WHERE (r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
             AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at))
         OR EXISTS (SELECT 1 FROM ballots b WHERE b.session_id = s.id AND b.representative_id = r.id)
      GROUP BY r.district""";

  /** Ballots per district as PostgreSQL holds them (the district copied into each ballot when it was cast). */
  static final String VOTED_BY_DISTRICT = "SELECT district, count(*) AS voted FROM ballots WHERE session_id = $1 GROUP BY district";
}
