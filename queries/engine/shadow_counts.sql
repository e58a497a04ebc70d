-- engine/shadow_counts: what an in-memory as-of run saw and denied (R4):
-- events up to $as_of, rows of the TEMP denials table.
-- Grain: one row.
SELECT (SELECT count(*) FROM stg_events(CAST($as_of AS TIMESTAMPTZ))), (SELECT count(*) FROM temp.denials);
