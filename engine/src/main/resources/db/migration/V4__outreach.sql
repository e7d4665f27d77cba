-- Citizens' suggestions and their closed-loop handling (received → assigned → answered); each step is audit-logged.
CREATE TABLE suggestions (
  id                bigserial PRIMARY KEY,
  edition_id        text NOT NULL REFERENCES editions (id),
  representative_id text NOT NULL REFERENCES representatives (id),
  topic             text NOT NULL,
  department        text,
  text              text NOT NULL,
  status            text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'assigned', 'answered')),
  assigned_to       text,
  answer            text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Reminder waves and their outbox: one row per representative per wave (the primary key makes a second one
-- impossible), claimed with a lease so a crashed sender's messages are taken up again after a restart.
CREATE TABLE reminder_waves (
  id          text PRIMARY KEY,
  session_id  text NOT NULL REFERENCES sessions (id),
  district    text,
  kind        text NOT NULL CHECK (kind IN ('manual', 'auto')),
  auto_key    text UNIQUE,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reminder_messages (
  wave_id           text NOT NULL REFERENCES reminder_waves (id),
  representative_id text NOT NULL REFERENCES representatives (id),
  status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
  attempts          int NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  last_error        text,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (wave_id, representative_id)
);

CREATE INDEX reminder_messages_due ON reminder_messages (next_attempt_at) WHERE status IN ('queued', 'sending');
