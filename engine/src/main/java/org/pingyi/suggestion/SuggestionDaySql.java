package org.pingyi.suggestion;

/**
 * Statements of the daily job. Each step updates the rows it is about with a guard (urged_at, overdue_at IS NULL;
 * status = 'answered'), writes their trail and audit rows in the same statement, and answers per department, so a
 * suggestion is urged, marked overdue or closed at most once whoever runs the job. The audit rows are written here
 * rather than through AuditLog because one statement covers every suggestion of the run.
 */
final class SuggestionDaySql {
  private SuggestionDaySql() {}

  /** The day's claim: the first instance inserts it and does the work in the same transaction; others find it. */
  static final String CLAIM_DAY = """
      INSERT INTO suggestion_job_runs (edition_id, day, ran_at, urged, overdue, closed) VALUES ($1, $2, $3, 0, 0, 0)
      ON CONFLICT (edition_id, day) DO NOTHING
      RETURNING day""";

  static final String RECORD_DAY = """
      UPDATE suggestion_job_runs SET urged = $3, overdue = $4, closed = $5 WHERE edition_id = $1 AND day = $2""";

  /** Unanswered and within the urging window: urged once per due date (催办). */
  static final String URGE = """
      WITH urged AS (
        UPDATE suggestions SET urged_at = $2
        WHERE edition_id = $1 AND status IN ('assigned', 'reopened') AND urge_at <= $2 AND urged_at IS NULL
        RETURNING id, lead, due_at, status),
      steps AS (
        INSERT INTO suggestion_steps (suggestion_id, at, actor, action, status, department, detail)
        SELECT id, $2, 'system:daily', 'urged', status, lead, jsonb_build_object('dueAt', due_at) FROM urged),
      audit AS (
        INSERT INTO audit_log (actor, action, target, detail)
        SELECT 'system:daily', 'suggestion.urged', 'suggestion:' || id, jsonb_build_object('department', lead, 'dueAt', due_at)
        FROM urged)
      SELECT lead, count(*) AS n, min(due_at) AS first_due FROM urged GROUP BY lead""";

  /** Unanswered past the due date: marked overdue once (listed for 通报). */
  static final String MARK_OVERDUE = """
      WITH late AS (
        UPDATE suggestions SET overdue_at = $2
        WHERE edition_id = $1 AND status IN ('assigned', 'reopened') AND due_at <= $2 AND overdue_at IS NULL
        RETURNING id, lead, due_at, status),
      steps AS (
        INSERT INTO suggestion_steps (suggestion_id, at, actor, action, status, department, detail)
        SELECT id, $2, 'system:daily', 'overdue', status, lead, jsonb_build_object('dueAt', due_at) FROM late),
      audit AS (
        INSERT INTO audit_log (actor, action, target, detail)
        SELECT 'system:daily', 'suggestion.overdue', 'suggestion:' || id, jsonb_build_object('department', lead, 'dueAt', due_at)
        FROM late)
      SELECT lead, count(*) AS n FROM late GROUP BY lead""";

  /** Answered before $3 and never rated: closed without a rating, the author's phone forgotten. */
  static final String CLOSE_UNRATED = """
      WITH closed AS (
        UPDATE suggestions SET status = 'closed', closed_at = $2, phone = NULL, updated_at = $2
        WHERE edition_id = $1 AND status = 'answered' AND answered_at <= $3
        RETURNING id, lead),
      steps AS (
        INSERT INTO suggestion_steps (suggestion_id, at, actor, action, status, department, detail)
        SELECT id, $2, 'system:daily', 'closed', 'closed', lead, '{"rated":false}'::jsonb FROM closed),
      audit AS (
        INSERT INTO audit_log (actor, action, target, detail)
        SELECT 'system:daily', 'suggestion.closed', 'suggestion:' || id, '{"rated":false}'::jsonb FROM closed)
      SELECT count(*) AS n FROM closed""";
}
