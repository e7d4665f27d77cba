-- The sealed results of a session: computed once from PostgreSQL at seal, never changed afterwards. chain_root
-- fixes the session's ballots (see BallotChain), so any later change to them is detectable from the export alone.
CREATE TABLE session_results (
  session_id text PRIMARY KEY REFERENCES sessions (id),
  sealed_at  timestamptz NOT NULL DEFAULT now(),
  ballots    bigint NOT NULL,
  chain_root text NOT NULL,
  document   text NOT NULL  -- results.json exactly as written at seal (decimals keep their scale)
);

CREATE TRIGGER session_results_append_only BEFORE UPDATE OR DELETE ON session_results
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER session_results_no_truncate BEFORE TRUNCATE ON session_results
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
