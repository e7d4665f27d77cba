package org.pingyi.suggestion;

/**
 * Every statement of the suggestion loop. Times are parameters from the workflow's clock, never now(), so deadlines
 * follow one clock (tests set it). Each step's UPDATE names the states it may leave, so of two concurrent clicks
 * only one moves the row; the loser's explanation is read on the same connection.
 */
final class SuggestionSql {
  private SuggestionSql() {}

  static final String REPRESENTATIVE_STATUS = "SELECT status FROM representatives WHERE id = $1";

  /** Counts the author's suggestion of the day up, unless the day is full: no row back means over the limit. */
  static final String TAKE_QUOTA = """
      INSERT INTO suggestion_quota (author_id, day, used) VALUES ($1, $2, 1)
      ON CONFLICT (author_id, day) DO UPDATE SET used = suggestion_quota.used + 1
      WHERE suggestion_quota.used < $3
      RETURNING used""";

  static final String INSERT = """
      INSERT INTO suggestions (edition_id, author_role, author_id, topic, department, text, phone, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
      RETURNING *""";

  static final String STEP = """
      INSERT INTO suggestion_steps (suggestion_id, at, actor, action, status, department, detail)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";

  static final String FIND = "SELECT * FROM suggestions WHERE id = $1 AND edition_id = $2";

  /** received → assigned, with the lead, the co-handlers and the deadline. */
  static final String ASSIGN = """
      UPDATE suggestions SET status = 'assigned', lead = $3, co_handlers = $4, assigned_at = $5, due_at = $6,
             urge_at = $7, urged_at = NULL, overdue_at = NULL, updated_at = $5
      WHERE id = $1 AND edition_id = $2 AND status = 'received'
      RETURNING *""";

  /**
   * Another lead for a suggestion being handled (by the operator, or only by its lead when $5 names one). The due
   * date stays; the new lead will be urged on its own. from_lead is the lead before, read under the row's lock.
   */
  static final String TRANSFER = """
      WITH before AS (SELECT id, lead FROM suggestions WHERE id = $1 AND edition_id = $2 FOR UPDATE)
      UPDATE suggestions s SET lead = $3, co_handlers = array_remove(s.co_handlers, $3), urged_at = NULL, updated_at = $4
      FROM before
      WHERE s.id = before.id AND s.status IN ('assigned', 'reopened') AND s.lead <> $3 AND ($5::text IS NULL OR s.lead = $5)
      RETURNING s.*, before.lead AS from_lead""";

  /** assigned or reopened → answered, by the lead only; on time when it comes by the due date. */
  static final String ANSWER = """
      UPDATE suggestions SET status = 'answered', answer = $4, adopted = $5, plan = $6, answered_at = $7,
             answered_on_time = (due_at IS NULL OR $7 <= due_at), answer_round = answer_round + 1, updated_at = $7
      WHERE id = $1 AND edition_id = $2 AND lead = $3 AND status IN ('assigned', 'reopened')
      RETURNING *""";

  /** The authors to tell of an answer: the suggestion's own and those of its merged duplicates, when they gave a phone. */
  static final String ANSWER_RECIPIENTS = """
      SELECT id, phone FROM suggestions WHERE (id = $1 OR merged_into = $1) AND phone IS NOT NULL ORDER BY id""";

  static final String DUPLICATES = "SELECT id FROM suggestions WHERE merged_into = $1 ORDER BY id";

  /** Both rows of a merge, locked in id order so two merges touching the same rows take turns. */
  static final String LOCK_PAIR = "SELECT * FROM suggestions WHERE id = ANY ($1) AND edition_id = $2 ORDER BY id FOR UPDATE";

  static final String MERGE = """
      UPDATE suggestions SET status = 'merged', merged_into = $2, updated_at = $3
      WHERE id = $1 AND status IN ('received', 'assigned', 'reopened')
      RETURNING *""";

  /**
   * The author's rating of the standing answer, once: satisfied closes (and forgets the phone), not satisfied
   * reopens it with the lead and a new deadline.
   */
  static final String FEEDBACK = """
      UPDATE suggestions SET
        status = CASE WHEN $4::boolean THEN 'closed' ELSE 'reopened' END,
        satisfied = $4::boolean, feedback_comment = $5, rated_at = $6::timestamptz,
        closed_at = CASE WHEN $4::boolean THEN $6::timestamptz END,
        reopen_count = reopen_count + CASE WHEN $4::boolean THEN 0 ELSE 1 END,
        due_at = CASE WHEN $4::boolean THEN due_at ELSE $7::timestamptz END,
        urge_at = CASE WHEN $4::boolean THEN urge_at ELSE $8::timestamptz END,
        urged_at = NULL,
        overdue_at = CASE WHEN $4::boolean THEN overdue_at END,
        phone = CASE WHEN $4::boolean THEN NULL ELSE phone END,
        updated_at = $6
      WHERE id = $1 AND edition_id = $2 AND author_id = $3 AND status = 'answered'
      RETURNING *""";

  static final String TRAIL = """
      SELECT suggestion_id, at, actor, action, status, department, detail FROM suggestion_steps
      WHERE suggestion_id = ANY ($1) ORDER BY id""";

  /**
   * A queue: $3 scopes to one department (a department's own: lead or co-handler), $4-$7 filter, overdue first,
   * then by due date. total is the count before the page.
   */
  static final String LIST = """
      SELECT s.*, count(*) OVER () AS total FROM suggestions s
      WHERE s.edition_id = $1
        AND ($3::text IS NULL OR s.lead = $3 OR $3 = ANY (s.co_handlers))
        AND ($4::text IS NULL OR s.status = $4)
        AND ($5::text IS NULL OR s.lead = $5 OR $5 = ANY (s.co_handlers))
        AND ($6::boolean IS NULL OR $6 = (s.status IN ('assigned', 'reopened') AND s.due_at <= $2))
        AND ($7::text IS NULL OR s.topic = $7)
      ORDER BY (s.status IN ('assigned', 'reopened') AND s.due_at <= $2) DESC,
               (s.status IN ('received', 'assigned', 'reopened')) DESC, s.due_at NULLS LAST, s.id
      LIMIT $8 OFFSET $9""";

  /** The author's own, newest first, with the answer of the suggestion a duplicate was merged into. */
  static final String MINE = """
      SELECT s.*, t.status AS target_status, t.answer AS target_answer, t.adopted AS target_adopted, t.plan AS target_plan,
             t.answered_at AS target_answered_at, t.due_at AS target_due_at
      FROM suggestions s LEFT JOIN suggestions t ON t.id = s.merged_into
      WHERE s.edition_id = $1 AND s.author_role = $2 AND s.author_id = $3
      ORDER BY s.id DESC LIMIT 200""";

  /** Candidates for "similar suggestions": the same topic, not merged away, newest first. */
  static final String SAME_TOPIC = """
      SELECT id, text, status, lead FROM suggestions
      WHERE edition_id = $1 AND topic = $2 AND id <> $3 AND status <> 'merged'
      ORDER BY id DESC LIMIT 5000""";

  /**
   * The figures per lead department, as of $2 (merged duplicates count in the suggestion they were merged into).
   * answered: an answer stands (answered or closed after one); overdue: unanswered past its due date.
   */
  static final String STATS = """
      SELECT lead,
             count(*) AS received,
             count(*) FILTER (WHERE status IN ('answered', 'closed')) AS answered,
             count(*) FILTER (WHERE status IN ('answered', 'closed') AND answered_on_time) AS answered_on_time,
             count(*) FILTER (WHERE status IN ('assigned', 'reopened') AND due_at <= $2) AS overdue,
             count(*) FILTER (WHERE reopen_count > 0) AS reopened,
             count(*) FILTER (WHERE satisfied IS TRUE) AS satisfied,
             count(*) FILTER (WHERE satisfied IS FALSE) AS dissatisfied,
             count(*) FILTER (WHERE status IN ('answered', 'closed') AND adopted IS TRUE) AS adopted
      FROM suggestions WHERE edition_id = $1 AND status NOT IN ('received', 'merged')
      GROUP BY lead""";

  static final String UNASSIGNED_AND_MERGED = """
      SELECT count(*) FILTER (WHERE status = 'received') AS unassigned, count(*) FILTER (WHERE status = 'merged') AS merged
      FROM suggestions WHERE edition_id = $1""";
}
