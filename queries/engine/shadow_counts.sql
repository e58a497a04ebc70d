-- engine/shadow_counts: what an in-memory as-of run saw and denied (R4):
-- events up to the as-of, rows of the TEMP denials table.
-- Grain: one row.
SELECT (SELECT count(*) FROM stg_events), (SELECT count(*) FROM temp.denials);
