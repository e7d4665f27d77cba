package org.pingyi.ballot;

/** The ballot statements, in one place. */
final class BallotSql {
  private BallotSql() {}

  /**
   * One statement, one commit, for a whole batch. The joins make the insert itself refuse a ballot for a session
   * that is not open (the session row is share-locked, so a concurrent close waits for this commit or wins before
   * it) and for a representative who is not active, not in the electorate, or promoted from the alternates after the
   * session opened (they vote from the next session on). A second ballot of the same
   * representative is skipped by the unique constraint.
   */
  static final String INSERT_BATCH = """
      INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, comments, survey,
                           receipt, idempotency_key, body_hash)
      SELECT b.session_id, b.representative_id, r.weight_class, r.district, b.scores::jsonb, b.comments::jsonb,
             b.survey::jsonb, b.receipt, b.idempotency_key, b.body_hash
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           WITH ORDINALITY AS b(session_id, representative_id, scores, comments, survey, receipt, idempotency_key,
                                body_hash, ord)
      JOIN sessions s ON s.id = b.session_id AND s.state = 'open'
      JOIN representatives r ON r.id = b.representative_id AND r.status = 'active'
                            AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
                            AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)
      ORDER BY b.ord
      FOR SHARE OF s
      ON CONFLICT (session_id, representative_id) DO NOTHING
      RETURNING id, session_id, representative_id, receipt, submitted_at, weight_class, district""";

  /**
   * Run before {@link #EXPLAIN_REFUSALS}, in its transaction: plan it for the table as it is now. A plan PostgreSQL
   * caches for the statement while the ballots table is nearly empty (the warm-up explains thousands of refusals at
   * start) hashes the whole table; wherever nothing analyzes the table meanwhile (autovacuum off) that plan stays as it
   * grows, and at half a million ballots each explanation scanned them all (30-50 ms, auto_explain) while holding one of
   * the writer's slots: BENCHMARKS.md, "Per-ballot cost".
   */
  static final String PLAN_AFRESH = "SET LOCAL plan_cache_mode = force_custom_plan";

  /** Why ballots of a batch were not inserted: the existing ballot, the session's state, the representative. */
  static final String EXPLAIN_REFUSALS = """
      SELECT b.session_id, b.representative_id, s.state,
             (r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
               AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)) AS eligible,
             x.id, x.receipt, x.idempotency_key, x.body_hash, x.submitted_at
      FROM unnest($1::text[], $2::text[]) AS b(session_id, representative_id)
      LEFT JOIN sessions s ON s.id = b.session_id
      LEFT JOIN representatives r ON r.id = b.representative_id
      LEFT JOIN ballots x ON x.session_id = b.session_id AND x.representative_id = b.representative_id""";

  static final String FIND_RECEIPT = "SELECT session_id, submitted_at FROM ballots WHERE receipt = $1";

}
