package org.pingyi.outreach;

/** Statements of the general SMS outbox (sms_outbox), which the reminder sender works beside the waves. */
final class OutboxSql {
  private OutboxSql() {}

  /** One message per message id: a second enqueue of the same notice is a no-op. */
  static final String ENQUEUE = """
      INSERT INTO sms_outbox (message_id, purpose, to_phone, text) VALUES ($1, $2, $3, $4)
      ON CONFLICT (message_id) DO NOTHING""";

  /** Like the reminders' claim: due rows, or sends whose lease ran out, SKIP LOCKED so instances share the work. */
  static final String CLAIM = """
      WITH due AS (
        SELECT id FROM sms_outbox
        WHERE status IN ('queued', 'sending') AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      UPDATE sms_outbox m SET status = 'sending', attempts = m.attempts + 1, updated_at = now(),
             next_attempt_at = now() + make_interval(secs => $2)
      FROM due WHERE m.id = due.id
      RETURNING m.id, m.message_id, m.purpose, m.to_phone, m.text, m.attempts""";

  /** Records the outcome of a send; a settled-for-good message forgets its phone. */
  static final String SETTLE = """
      UPDATE sms_outbox SET status = $2, last_error = $3, updated_at = now(),
             next_attempt_at = now() + make_interval(secs => $4),
             to_phone = CASE WHEN $2 IN ('sent', 'failed') THEN NULL ELSE to_phone END
      WHERE id = $1 AND status = 'sending'""";
}
