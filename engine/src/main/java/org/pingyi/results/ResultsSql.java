package org.pingyi.results;

/** The sealed results' statements: stored once at seal, signed at seal and at publish, served with their signature. */
final class ResultsSql {
  private ResultsSql() {}

  static final String INSERT_RESULTS = """
      INSERT INTO session_results (session_id, sealed_at, ballots, chain_root, document) VALUES ($1, $2, $3, $4, $5)""";

  /** One signature per state; the primary key refuses a second. */
  static final String INSERT_SIGNATURE = """
      INSERT INTO session_signatures (session_id, state, key_id, signature) VALUES ($1, $2, $3, $4)""";

  static final String STORED_DOCUMENT = "SELECT document FROM session_results WHERE session_id = $1";

  /** The document as stored and the signature over it in the session's current state (none for results sealed before signing existed). */
  static final String SERVED_DOCUMENT = """
      SELECT r.document, r.chain_root, s.key_id, s.signature
      FROM session_results r LEFT JOIN session_signatures s ON s.session_id = r.session_id AND s.state = $2
      WHERE r.session_id = $1""";
}
