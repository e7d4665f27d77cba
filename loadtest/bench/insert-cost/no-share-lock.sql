-- Without FOR SHARE OF s (the session row's lock against a concurrent close).
INSERT INTO ballots (session_id, representative_id, weight_class, district, scores, comments, survey,
                     receipt, idempotency_key, body_hash)
SELECT b.session_id, b.representative_id, r.weight_class, r.district, b.scores::jsonb, b.comments::jsonb,
       b.survey::jsonb, b.receipt, b.idempotency_key, b.body_hash
FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
     WITH ORDINALITY AS b(session_id, representative_id, scores, comments, survey, receipt, idempotency_key,
                          body_hash, ord)
JOIN sessions s ON s.id = b.session_id AND s.state = 'open'
JOIN representatives r ON r.id = b.representative_id AND r.status = 'active'
                      AND (s.electorate IS NULL OR r.category = ANY (s.electorate))
                      AND (r.active_from IS NULL OR s.opened_at IS NULL OR r.active_from <= s.opened_at)
ORDER BY b.ord
ON CONFLICT (session_id, representative_id) DO NOTHING
RETURNING id, session_id, representative_id, receipt, submitted_at, weight_class, district
