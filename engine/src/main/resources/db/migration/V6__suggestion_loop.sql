-- Citizens' suggestions handled in a closed loop (issue 15): any face-authenticated citizen may suggest, the office
-- assigns a lead department (and co-handlers) with a due date in working days, the lead answers, the author rates
-- the answer (satisfied: closed; not: reopened with a new due date), duplicates are merged. Every step is a row of
-- suggestion_steps and of audit_log, written in the transaction of the change.

-- Authors: a citizen's pseudonym (auth/CitizenIds) or a representative's roster id; earlier rows were representatives'.
ALTER TABLE suggestions ADD COLUMN author_role text, ADD COLUMN author_id text;
UPDATE suggestions SET author_role = 'representative', author_id = representative_id;
ALTER TABLE suggestions
  ALTER COLUMN author_role SET NOT NULL,
  ALTER COLUMN author_id SET NOT NULL,
  ADD CONSTRAINT suggestions_author_role CHECK (author_role IN ('citizen', 'representative')),
  DROP COLUMN representative_id;

ALTER TABLE suggestions RENAME COLUMN assigned_to TO lead;
ALTER TABLE suggestions DROP CONSTRAINT suggestions_status_check;
ALTER TABLE suggestions ADD CONSTRAINT suggestions_status_check
  CHECK (status IN ('received', 'assigned', 'answered', 'closed', 'reopened', 'merged'));

ALTER TABLE suggestions
  ADD COLUMN co_handlers      text[] NOT NULL DEFAULT '{}',
  -- The author's phone for the answer SMS, only if they gave one; erased when the suggestion closes. Never exported.
  ADD COLUMN phone            text,
  ADD COLUMN assigned_at      timestamptz,
  ADD COLUMN due_at           timestamptz,
  ADD COLUMN urge_at          timestamptz,
  ADD COLUMN urged_at         timestamptz,
  ADD COLUMN overdue_at       timestamptz,
  ADD COLUMN adopted          boolean,
  ADD COLUMN plan             text,
  ADD COLUMN answered_at      timestamptz,
  ADD COLUMN answered_on_time boolean,
  ADD COLUMN answer_round     int NOT NULL DEFAULT 0,
  ADD COLUMN satisfied        boolean,
  ADD COLUMN feedback_comment text,
  ADD COLUMN rated_at         timestamptz,
  ADD COLUMN reopen_count     int NOT NULL DEFAULT 0,
  ADD COLUMN closed_at        timestamptz,
  ADD COLUMN merged_into      bigint REFERENCES suggestions (id),
  ADD CONSTRAINT suggestions_lead_when_handled CHECK (status IN ('received', 'merged') OR lead IS NOT NULL),
  ADD CONSTRAINT suggestions_merged_has_target CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  ADD CONSTRAINT suggestions_not_merged_into_itself CHECK (merged_into <> id);
UPDATE suggestions SET answered_at = updated_at, answer_round = 1, answered_on_time = true WHERE status = 'answered';
UPDATE suggestions SET assigned_at = updated_at WHERE status IN ('assigned', 'answered');

CREATE INDEX suggestions_queue ON suggestions (edition_id, status, due_at);
CREATE INDEX suggestions_lead ON suggestions (lead);
CREATE INDEX suggestions_co_handlers ON suggestions USING gin (co_handlers);
CREATE INDEX suggestions_author ON suggestions (author_id);
CREATE INDEX suggestions_merged_into ON suggestions (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX suggestions_topic ON suggestions (edition_id, topic);

-- The trail: one row per step, append-only like the audit log. actor is a role and token-hash prefix, an author's
-- pseudonym, or system:…; detail never holds a phone or a face subject.
CREATE TABLE suggestion_steps (
  id            bigserial PRIMARY KEY,
  suggestion_id bigint NOT NULL REFERENCES suggestions (id),
  at            timestamptz NOT NULL,
  actor         text NOT NULL,
  action        text NOT NULL,
  status        text NOT NULL,
  department    text,
  detail        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX suggestion_steps_of ON suggestion_steps (suggestion_id, id);
CREATE TRIGGER suggestion_steps_append_only BEFORE UPDATE OR DELETE ON suggestion_steps
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER suggestion_steps_no_truncate BEFORE TRUNCATE ON suggestion_steps
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- At most N suggestions per author and local day: the row is counted up in the insert's own transaction, and its
-- lock makes two instances' concurrent inserts for one author take turns, so the limit is exact.
CREATE TABLE suggestion_quota (
  author_id text NOT NULL,
  day       date NOT NULL,
  used      int NOT NULL,
  PRIMARY KEY (author_id, day)
);

-- The daily job (urge, mark overdue, close unrated) runs once per local day across all instances: its work commits
-- in the transaction that inserts the day's row, so a second instance finds the row and does nothing, and an
-- instance that dies mid-run leaves no row and the work to the next try.
CREATE TABLE suggestion_job_runs (
  edition_id text NOT NULL REFERENCES editions (id),
  day        date NOT NULL,
  ran_at     timestamptz NOT NULL,
  urged      int NOT NULL,
  overdue    int NOT NULL,
  closed     int NOT NULL,
  PRIMARY KEY (edition_id, day)
);

-- A general SMS outbox beside the reminder waves' (the same sender works both, under one rate): one row per message
-- id, so a notice enqueued twice is sent once; claimed with a lease like reminders. The phone is erased once the
-- message is settled for good.
CREATE TABLE sms_outbox (
  id              bigserial PRIMARY KEY,
  message_id      text NOT NULL UNIQUE,
  purpose         text NOT NULL,
  to_phone        text,
  text            text NOT NULL,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at) WHERE status IN ('queued', 'sending');
