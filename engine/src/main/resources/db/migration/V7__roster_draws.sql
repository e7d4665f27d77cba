-- The office's roster draws (API: /api/v1/admin/draws, public /api/v1/draws). A draw moves
-- pool_published → seed_announced → seeded → drawn → adopted, or to discarded from any step before adopted.
-- The pool and the drawn roster hold personal data: they are kept only until the draw is adopted or discarded
-- (then set to NULL); the hashes, the seed's source, the seed and the transcript stay public for good.
CREATE TABLE roster_draws (
  id                text PRIMARY KEY,
  edition_id        text NOT NULL,
  year              int  NOT NULL,
  state             text NOT NULL CHECK (state IN ('pool_published', 'seed_announced', 'seeded', 'drawn', 'adopted', 'discarded')),
  pool              bytea,
  pool_sha256       text NOT NULL,
  pool_people       int  NOT NULL,
  published_at      timestamptz NOT NULL DEFAULT now(),
  seed_source       text,
  seed_known_at     timestamptz,
  seed_announced_at timestamptz,
  seed              text,
  seeded_at         timestamptz,
  transcript        bytea,
  transcript_sha256 text,
  roster            bytea,
  roster_sha256     text,
  summary           jsonb,
  drawn_at          timestamptz,
  adopted_at        timestamptz,
  discarded_at      timestamptz,
  discard_reason    text,
  -- The seed must become known after the pool was published, or the pool could have been made to fit it.
  CHECK (seed_known_at IS NULL OR seed_known_at > published_at),
  CHECK (state IN ('adopted', 'discarded') OR pool IS NOT NULL),
  CHECK (state NOT IN ('adopted', 'discarded') OR (pool IS NULL AND roster IS NULL))
);

-- One draw under way per edition and year: a second upload must discard the first, in public.
CREATE UNIQUE INDEX roster_draws_one_under_way ON roster_draws (edition_id, year) WHERE state <> 'discarded';
