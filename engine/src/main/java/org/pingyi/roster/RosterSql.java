package org.pingyi.roster;

/** The roster's statements: import, lock, withdrawal and the commitment. */
final class RosterSql {
  private RosterSql() {}

  /**
   * Imports, withdrawals and the lock take this lock first: it conflicts with itself and with every row change, so
   * they happen one after another, while ballots (which only read representatives) go on.
   */
  static final String LOCK = "LOCK TABLE representatives IN SHARE ROW EXCLUSIVE MODE";

  static final String LOCKED = "SELECT 1 FROM roster_commitments WHERE edition_id = $1";

  static final String SUBJECTS_TAKEN = """
      SELECT r.id, s.line FROM representatives r
      JOIN unnest($1::text[], $2::text[], $3::int[]) AS s(id, subject, line) ON r.subject = s.subject
      WHERE r.id <> s.id""";

  /** The rows an import touches, as they are before it: to audit each change field by field. */
  static final String EXISTING = """
      SELECT id, name, phone, district, category, status, subject FROM representatives WHERE id = ANY($1::text[])""";

  /** Columns in this order: {@link RosterImporter#COLUMNS}. draw_position is the alternate's place in its cell. */
  static final String UPSERT = """
      INSERT INTO representatives (id, name, phone, district, category, weight_class, status, subject, draw_position)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, district = EXCLUDED.district,
        category = EXCLUDED.category, weight_class = EXCLUDED.weight_class, status = EXCLUDED.status,
        subject = EXCLUDED.subject, draw_position = EXCLUDED.draw_position, active_from = NULL, updated_at = now()""";

  /** One audit entry per changed row, in one statement. */
  static final String AUDIT_ROWS = """
      INSERT INTO audit_log (actor, action, target, detail)
      SELECT $1, $2, t, d::jsonb FROM unnest($3::text[], $4::text[]) AS u(t, d)""";

  static final String COUNT_ALL = "SELECT count(*) FROM representatives";

  /** Withdraws an active or alternate representative; answers what they were (nothing when unknown or withdrawn). */
  static final String WITHDRAW = """
      WITH before AS (SELECT id, status, category, district FROM representatives WHERE id = $1 FOR UPDATE)
      UPDATE representatives r SET status = 'withdrawn', updated_at = now()
      FROM before WHERE r.id = before.id AND before.status <> 'withdrawn'
      RETURNING before.status, r.category, r.district, r.subject""";

  static final String STATUS = "SELECT status FROM representatives WHERE id = $1";

  /**
   * Promotes the first alternate of the same (category, district) cell in draw order, else of the same category;
   * active_from makes them a voter of the sessions that open from now on.
   */
  static final String PROMOTE = """
      UPDATE representatives SET status = 'active', active_from = now(), updated_at = now()
      WHERE id = (SELECT id FROM representatives
                  WHERE status = 'alternate' AND category = $1
                  ORDER BY district = $2 DESC, draw_position NULLS LAST, district, id
                  LIMIT 1 FOR UPDATE)
      RETURNING id, subject""";

  /** The electorate as the commitment covers it. */
  static final String ELECTORATE = "SELECT id, category, district, status FROM representatives";

  static final String LATEST_VERSION = "SELECT coalesce(max(version), 0) FROM roster_commitments WHERE edition_id = $1";

  static final String PUBLISH = """
      INSERT INTO roster_commitments (edition_id, version, event, actor, active, alternates, by_category, by_district, sha256)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

  static final String HISTORY = """
      SELECT version, published_at, event, active, alternates, by_category, by_district, sha256
      FROM roster_commitments WHERE edition_id = $1 ORDER BY version""";

  /** The open in progress fixes when this session's electorate was set (promotions after it wait for the next). */
  static final String OPENED_NOW = "UPDATE sessions SET opened_at = now() WHERE id = $1";
}
