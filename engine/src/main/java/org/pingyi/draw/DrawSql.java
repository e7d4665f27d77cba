package org.pingyi.draw;

/**
 * The office draw's statements. Every step is one guarded UPDATE … WHERE state = the step before, so two operators
 * (or two engine instances) can never take one step twice; a refused step is explained by {@link #SELECT_ONE}.
 */
final class DrawSql {
  private DrawSql() {}

  /** A new draw; the partial unique index refuses a second one under way for the same edition and year (23505). */
  static final String INSERT = "INSERT INTO roster_draws (id, edition_id, year, state, pool, pool_sha256, pool_people) "
      + "VALUES ($1, $2, $3, 'pool_published', $4, $5, $6) RETURNING " + DrawRecord.COLUMNS;

  static final String SELECT_ONE = "SELECT " + DrawRecord.COLUMNS + " FROM roster_draws WHERE id = $1";

  static final String SELECT_ALL = "SELECT " + DrawRecord.COLUMNS + " FROM roster_draws WHERE edition_id = $1 "
      + "ORDER BY published_at DESC, id";

  /** The seed's source is announced once, and only for a seed that becomes known later than now. */
  static final String ANNOUNCE = "UPDATE roster_draws SET state = 'seed_announced', seed_source = $2, seed_known_at = $3, "
      + "seed_announced_at = now() WHERE id = $1 AND state = 'pool_published' AND $3 > now() RETURNING " + DrawRecord.COLUMNS;

  /** The seed is entered once, not before the time announced for it. */
  static final String SEED = "UPDATE roster_draws SET state = 'seeded', seed = $2, seeded_at = now() "
      + "WHERE id = $1 AND state = 'seed_announced' AND seed_known_at <= now() RETURNING " + DrawRecord.COLUMNS;

  static final String SELECT_POOL = "SELECT pool, year, seed, seed_source, state FROM roster_draws WHERE id = $1";

  static final String DRAWN = "UPDATE roster_draws SET state = 'drawn', transcript = $2, transcript_sha256 = $3, "
      + "roster = $4, roster_sha256 = $5, summary = $6, drawn_at = now() WHERE id = $1 AND state = 'seeded' "
      + "RETURNING " + DrawRecord.COLUMNS;

  static final String SELECT_TRANSCRIPT = "SELECT transcript FROM roster_draws WHERE id = $1 AND transcript IS NOT NULL";

  static final String SELECT_SUMMARY = "SELECT summary FROM roster_draws WHERE id = $1 AND summary IS NOT NULL";

  static final String SELECT_ROSTER = "SELECT roster FROM roster_draws WHERE id = $1 AND state = 'drawn'";

  /** Adopted: the personal data leaves this table (it is in the roster now). */
  static final String ADOPTED = "UPDATE roster_draws SET state = 'adopted', adopted_at = now(), pool = NULL, roster = NULL "
      + "WHERE id = $1 AND state = 'drawn' RETURNING " + DrawRecord.COLUMNS;

  /** Discarded, in public, with its reason; the pool and any drawn roster are deleted. */
  static final String DISCARD = "UPDATE roster_draws SET state = 'discarded', discarded_at = now(), discard_reason = $2, "
      + "pool = NULL, roster = NULL WHERE id = $1 AND state NOT IN ('adopted', 'discarded') RETURNING " + DrawRecord.COLUMNS;
}
