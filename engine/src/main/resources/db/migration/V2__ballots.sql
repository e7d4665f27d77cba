-- Who may score a session: null means every active representative, else only those of the listed categories.
ALTER TABLE sessions ADD COLUMN electorate text[];

-- Secrets every engine instance must share (the access-token key, the demo face-auth key), made on first start.
CREATE TABLE engine_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per ballot, never updated or deleted. The representative's weight class and district are copied in
-- at insert time, so results do not move if the roster changes afterwards.
CREATE TABLE ballots (
  id                bigserial PRIMARY KEY,
  session_id        text NOT NULL REFERENCES sessions (id),
  representative_id text NOT NULL REFERENCES representatives (id),
  weight_class      text NOT NULL,
  district          text NOT NULL,
  scores            jsonb NOT NULL,
  comments          jsonb NOT NULL DEFAULT '{}'::jsonb,
  survey            jsonb NOT NULL DEFAULT '{}'::jsonb,
  receipt           text NOT NULL UNIQUE,
  idempotency_key   text,
  body_hash         text NOT NULL,
  submitted_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, representative_id)
);

CREATE INDEX ballots_session_id ON ballots (session_id, id);

CREATE TRIGGER ballots_append_only BEFORE UPDATE OR DELETE ON ballots
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ballots_no_truncate BEFORE TRUNCATE ON ballots
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
