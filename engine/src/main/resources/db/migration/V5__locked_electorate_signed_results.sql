-- Trust against insiders and database readers (issue 13).

-- Keys never live in the database: the access-token key and the demo face-auth key move to key files. The old
-- values are not carried over: anyone holding a copy of this database could mint tokens with them, so the engine
-- makes new keys (representatives sign in again).
DROP TABLE engine_secrets;

-- An alternate's place in the draw of its (category, district) cell, from the imported file's order; a withdrawal
-- promotes the first one. active_from: when a promoted alternate became active (null: active from the import), so
-- they vote in the sessions that open afterwards, not in the one already open.
ALTER TABLE representatives ADD COLUMN draw_position int, ADD COLUMN active_from timestamptz;
CREATE INDEX representatives_alternates ON representatives (category, district, draw_position) WHERE status = 'alternate';

ALTER TABLE sessions ADD COLUMN opened_at timestamptz;
UPDATE sessions SET opened_at = state_changed_at WHERE state <> 'scheduled';

-- The locked electorate, published as a commitment: version 1 at the lock, one more after each withdrawal. Never
-- changed or removed, so anyone can see whether the electorate moved between sessions.
CREATE TABLE roster_commitments (
  edition_id   text NOT NULL REFERENCES editions (id),
  version      int  NOT NULL CHECK (version > 0),
  published_at timestamptz NOT NULL DEFAULT now(),
  event        text NOT NULL CHECK (event IN ('lock', 'withdrawal')),
  actor        text NOT NULL,
  active       int  NOT NULL,
  alternates   int  NOT NULL,
  by_category  jsonb NOT NULL,
  by_district  jsonb NOT NULL,
  sha256       text NOT NULL,
  PRIMARY KEY (edition_id, version)
);

CREATE TRIGGER roster_commitments_append_only BEFORE UPDATE OR DELETE ON roster_commitments
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER roster_commitments_no_truncate BEFORE TRUNCATE ON roster_commitments
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Signatures of sealed results (made with a key from a file; only the signature is stored): one at seal over the
-- document as sealed, one at publish over the document as published.
CREATE TABLE session_signatures (
  session_id text NOT NULL REFERENCES session_results (session_id),
  state      text NOT NULL CHECK (state IN ('sealed', 'published')),
  key_id     text NOT NULL,
  signature  text NOT NULL,
  signed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, state)
);

CREATE TRIGGER session_signatures_append_only BEFORE UPDATE OR DELETE ON session_signatures
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER session_signatures_no_truncate BEFORE TRUNCATE ON session_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
