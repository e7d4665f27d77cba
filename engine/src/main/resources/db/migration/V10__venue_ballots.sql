-- Ballots cast on a community venue's shared tablet, counted per (session, venue): how many, never which. The venue is
-- not written on the ballot and this table holds no ballot id, no representative and no time, so nothing here ties a
-- ballot or a person to a venue. Operational, not part of any result: a count is added after the ballot's commit
-- (newly stored ballots only, never an idempotent replay), so an engine that dies between the two leaves the ballot
-- stored and counted in the results, and this count one short.
CREATE TABLE venue_ballots (
  session_id text   NOT NULL REFERENCES sessions (id),
  venue      text   NOT NULL,
  ballots    bigint NOT NULL CHECK (ballots > 0),
  PRIMARY KEY (session_id, venue)
);
