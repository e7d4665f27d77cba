-- Run once by the postgres image when its volume is new: the role the engines serve as. It owns nothing; the engine
-- (migrating as the owner, PINGYI_PG_MIGRATION_URL) grants it what it needs after every migration.
-- Change this password (and PINGYI_PG_URL in compose.yaml) for anything but a demo.
CREATE ROLE pingyi_app LOGIN PASSWORD 'pingyi_app' NOSUPERUSER NOCREATEDB NOCREATEROLE;
