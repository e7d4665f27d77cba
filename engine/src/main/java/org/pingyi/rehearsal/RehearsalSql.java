package org.pingyi.rehearsal;

/** What the rehearsal report reads from the rehearsal's own database (never the real edition's: another database). */
final class RehearsalSql {
  private RehearsalSql() {}

  /** Every session with its state and stored ballots. */
  static final String SESSIONS = """
      SELECT s.id, s.state, (SELECT count(*) FROM ballots b WHERE b.session_id = s.id) AS ballots
      FROM sessions s ORDER BY s.opens_at, s.id""";

  /** Reminder waves with their messages by status: what the evening's reminders would have sent. */
  static final String REMINDERS = """
      SELECT w.id, w.session_id, w.district, w.kind, w.created_at,
             count(m.*) FILTER (WHERE m.status = 'sent') AS sent,
             count(m.*) FILTER (WHERE m.status = 'failed') AS failed,
             count(m.*) FILTER (WHERE m.status = 'skipped') AS skipped,
             count(m.*) FILTER (WHERE m.status IN ('queued', 'sending')) AS queued
      FROM reminder_waves w LEFT JOIN reminder_messages m ON m.wave_id = w.id
      GROUP BY w.id ORDER BY w.created_at""";
}
