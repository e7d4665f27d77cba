-- A session's closing time as extended by an operator (POST …/extend). The edition file's closesAt stays the
-- default: at start the engine writes closes_at = greatest(the file's time, extended_to), so an extension survives
-- restarts and everything that reads closes_at (the scheduler, reminder waves, the sessions list) sees one time.
ALTER TABLE sessions ADD COLUMN extended_to timestamptz;

-- When a representative's ballot form was first served in a session, for the auditors' "fast ballot" flag. Not a
-- ballot and never part of a count; written in batches off the request path, so a crash may lose the last second.
CREATE TABLE ballot_forms (
  session_id        text NOT NULL REFERENCES sessions (id),
  representative_id text NOT NULL REFERENCES representatives (id),
  served_at         timestamptz NOT NULL,
  PRIMARY KEY (session_id, representative_id)
);
