-- The edition as loaded from its YAML file: groups, departments and sessions. Sessions keep their own state.
CREATE TABLE editions (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE groups (
  edition_id text NOT NULL REFERENCES editions (id),
  code       text NOT NULL,
  name       text NOT NULL,
  position   int  NOT NULL,
  PRIMARY KEY (edition_id, code)
);

CREATE TABLE departments (
  edition_id text NOT NULL,
  code       text NOT NULL,
  group_code text NOT NULL,
  name       text NOT NULL,
  position   int  NOT NULL,
  PRIMARY KEY (edition_id, code),
  FOREIGN KEY (edition_id, group_code) REFERENCES groups (edition_id, code)
);

CREATE TABLE sessions (
  id               text PRIMARY KEY,
  edition_id       text NOT NULL REFERENCES editions (id),
  group_code       text NOT NULL,
  opens_at         timestamptz NOT NULL,
  closes_at        timestamptz NOT NULL,
  state            text NOT NULL DEFAULT 'scheduled'
                   CHECK (state IN ('scheduled', 'open', 'closed', 'sealed', 'published')),
  state_changed_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (edition_id, group_code) REFERENCES groups (edition_id, code)
);

-- Representatives: the pseudonymous id is all that ever leaves the engine (but for the non-voter lists of the
-- districts). Name, phone and the face-auth subject stay here.
CREATE TABLE representatives (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  phone        text NOT NULL,
  district     text NOT NULL,
  category     text NOT NULL,
  weight_class text NOT NULL,
  status       text NOT NULL CHECK (status IN ('active', 'alternate', 'withdrawn')),
  subject      text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX representatives_district_status ON representatives (district, status);

-- Append-only record of every admin action and state change. The actor is an admin token id, never a token.
CREATE TABLE audit_log (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  target  text,
  detail  jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
