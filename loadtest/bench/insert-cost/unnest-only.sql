-- The same rows from the same parameters, no joins, no lock, no ON CONFLICT: what the table itself costs.
INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, comments, survey,
                     receipt, idempotency_key, body_hash)
SELECT b.session_id, b.representative_id, 'service', 'jimo', b.scores::jsonb, b.comments::jsonb,
       b.survey::jsonb, b.receipt, b.idempotency_key, b.body_hash
FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
     AS b(session_id, representative_id, scores, comments, survey, receipt, idempotency_key, body_hash)
