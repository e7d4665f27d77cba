package org.pingyi.quality;

/** Statements of the ballot-quality flags. */
final class QualitySql {
  private QualitySql() {}

  /**
   * First servings of ballot forms, a batch in one statement; each row carries how many seconds ago it happened, so
   * the time is PostgreSQL's, like a ballot's submitted_at. The first serving stays (the most lenient reading time).
   */
  static final String RECORD_SERVINGS = """
      INSERT INTO ballot_forms (session_id, representative_id, served_at)
      SELECT t.session_id, t.representative_id, now() - make_interval(secs => t.age)
      FROM unnest($1::text[], $2::text[], $3::float8[]) AS t(session_id, representative_id, age)
      ON CONFLICT DO NOTHING""";

  /**
   * Counts only, never which ballot: straight-lined (one grade for every department, when the group has two or more),
   * fast (submitted sooner than $2 seconds after its form was first served) and unmeasured (no serving recorded).
   */
  static final String FLAGS = """
      SELECT count(*) AS ballots,
             count(*) FILTER (WHERE $3::int >= 2
                              AND (SELECT count(DISTINCT e.grade) FROM jsonb_each_text(b.scores) AS e(department, grade)) = 1)
               AS straight_lined,
             count(*) FILTER (WHERE f.served_at IS NOT NULL AND b.submitted_at - f.served_at < make_interval(secs => $2::int))
               AS fast,
             count(*) FILTER (WHERE f.served_at IS NULL) AS unmeasured
      FROM ballots b
      LEFT JOIN ballot_forms f ON f.session_id = b.session_id AND f.representative_id = b.representative_id
      WHERE b.session_id = $1""";
}
