-- The ballots' two foreign keys made PostgreSQL lock the representative's row (FOR KEY SHARE) for every ballot: a
-- write to the roster's page and a WAL record per ballot, about a quarter of the database's time per ballot
-- (BENCHMARKS.md, "Per-ballot cost"). The same guarantee, without the row locks:
--  1. a ballot names a session and a representative that exist when it is stored: checked once per statement over
--     the rows it inserted (the engine's insert joins both rows anyway, and share-locks the session);
--  2. they keep existing: sessions and representatives are never deleted or truncated, and never change their id,
--     for any role, the owner's included (as refuse_change holds the ballots themselves).
-- The other tables that name a session or a representative keep their foreign keys; BallotReferencesTest proves this.

CREATE FUNCTION refuse_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id IS NOT DISTINCT FROM OLD.id THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% rows are never deleted and never change their id: ballots name them', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER representatives_keep BEFORE UPDATE OF id OR DELETE ON representatives
  FOR EACH ROW EXECUTE FUNCTION refuse_reference_change();
CREATE TRIGGER representatives_no_truncate BEFORE TRUNCATE ON representatives
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_reference_change();
CREATE TRIGGER sessions_keep BEFORE UPDATE OF id OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION refuse_reference_change();
CREATE TRIGGER sessions_no_truncate BEFORE TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_reference_change();

CREATE FUNCTION ballots_name_existing_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM inserted i
             WHERE NOT EXISTS (SELECT 1 FROM representatives r WHERE r.id = i.representative_id)
                OR NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.session_id)) THEN
    RAISE EXCEPTION 'a ballot names a session or representative that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ballots_name_existing_rows AFTER INSERT ON ballots REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION ballots_name_existing_rows();

ALTER TABLE ballots DROP CONSTRAINT ballots_representative_id_fkey,
                    DROP CONSTRAINT ballots_session_id_fkey;
