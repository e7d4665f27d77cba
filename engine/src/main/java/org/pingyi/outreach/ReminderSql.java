package org.pingyi.outreach;

/** Statements of the reminder outbox. */
final class ReminderSql {
  private ReminderSql() {}

  static final String NEW_WAVE = """
      INSERT INTO reminder_waves (id, session_id, district, kind, auto_key, created_by) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (auto_key) DO NOTHING RETURNING id""";

  /** Every active representative of the session's electorate (and district) without a ballot, once per wave. */
  static final String FILL_WAVE = """
      INSERT INTO reminder_messages (wave_id, representative_id)
      SELECT $1, r.id FROM representatives r JOIN sessions s ON s.id = $2
      WHERE r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
        AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)
        AND ($3::text IS NULL OR r.district = $3)
        AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.session_id = s.id AND b.representative_id = r.id)
      ON CONFLICT DO NOTHING""";

  /**
   * Claims due messages (queued, failed attempts whose backoff is over, or sends whose lease ran out after a crash)
   * with SKIP LOCKED, so several instances share a wave without taking the same message.
   */
  static final String CLAIM = """
      WITH due AS (
        SELECT wave_id, representative_id FROM reminder_messages
        WHERE status IN ('queued', 'sending') AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
      claimed AS (
        UPDATE reminder_messages m SET status = 'sending', attempts = m.attempts + 1, updated_at = now(),
               next_attempt_at = now() + make_interval(secs => $2)
        FROM due WHERE m.wave_id = due.wave_id AND m.representative_id = due.representative_id
        RETURNING m.wave_id, m.representative_id, m.attempts)
      SELECT c.wave_id, c.representative_id, c.attempts, r.phone, s.id AS session_id, s.state, s.group_code, s.closes_at,
             EXISTS (SELECT 1 FROM ballots b WHERE b.session_id = s.id AND b.representative_id = c.representative_id) AS voted
      FROM claimed c
      JOIN reminder_waves w ON w.id = c.wave_id
      JOIN sessions s ON s.id = w.session_id
      JOIN representatives r ON r.id = c.representative_id""";

  static final String SETTLE = """
      UPDATE reminder_messages SET status = $3, last_error = $4, updated_at = now(),
             next_attempt_at = now() + make_interval(secs => $5)
      WHERE wave_id = $1 AND representative_id = $2 AND status = 'sending'""";

  static final String WAVE_STATUS = """
      SELECT count(*) FILTER (WHERE status IN ('queued', 'sending')) AS queued,
             count(*) FILTER (WHERE status = 'sent') AS sent,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             count(*) FILTER (WHERE status = 'skipped') AS skipped,
             (SELECT count(*) FROM reminder_waves WHERE id = $1) AS waves
      FROM reminder_messages WHERE wave_id = $1""";

  static final String DUE_AUTOMATIC = """
      SELECT s.id, m.minutes FROM sessions s, unnest($2::int[]) AS m(minutes)
      WHERE s.edition_id = $1 AND s.state = 'open'
        AND now() >= s.closes_at - make_interval(mins => m.minutes) AND now() < s.closes_at""";

  static final String NON_VOTERS = """
      SELECT r.id, r.name, r.phone, r.district, r.category FROM representatives r JOIN sessions s ON s.id = $1
      WHERE r.status = 'active' AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
        AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)
        AND ($2::text IS NULL OR r.district = $2)
        AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.session_id = s.id AND b.representative_id = r.id)
      ORDER BY r.district, r.id""";

  /** A session's waves, newest first, each with its progress. */
  static final String SESSION_WAVES = """
      SELECT w.id, w.district, w.kind, w.created_at,
             count(m.representative_id) FILTER (WHERE m.status IN ('queued', 'sending')) AS queued,
             count(m.representative_id) FILTER (WHERE m.status = 'sent') AS sent,
             count(m.representative_id) FILTER (WHERE m.status = 'failed') AS failed,
             count(m.representative_id) FILTER (WHERE m.status = 'skipped') AS skipped
      FROM reminder_waves w LEFT JOIN reminder_messages m ON m.wave_id = w.id
      WHERE w.session_id = $1
      GROUP BY w.id ORDER BY w.created_at DESC, w.id
      LIMIT 200""";
}
