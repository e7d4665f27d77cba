-- pgbench: one transaction inserting 50 ballot rows in one multi-VALUES statement, as the engine's group commit does.
INSERT INTO bench_ballots (session_id, representative_id, weight_class, district, scores, receipt, body_hash)
SELECT 'econ1', md5(random()::text || g), 'service', 'jimo',
       '{"D01":"satisfied","D02":"fairly_satisfied","D03":"satisfied","D04":"basically_satisfied","D05":"satisfied","D06":"dissatisfied","D07":"satisfied","D08":"fairly_satisfied"}'::jsonb,
       md5(random()::text || clock_timestamp()::text || g), md5(g::text)
FROM generate_series(1, 50) AS g;
