-- engine/record_run: one engine_runs row per stored recompute (R4: the
-- as-of instant and how many events it saw, so a later as-of can tell
-- whether the stored results are still valid for it).
-- Grain: one row per run.
INSERT INTO main.engine_runs
SELECT coalesce((SELECT max(run_id) FROM main.engine_runs), 0) + 1, now(),
       CAST($as_of AS TIMESTAMPTZ),
       (SELECT count(*) FROM stg_events(CAST($as_of AS TIMESTAMPTZ))),
       (SELECT count(*) FROM main.charges),
       (SELECT count(*) FROM main.denials),
       CAST($seconds AS DOUBLE)
RETURNING run_id, events, charges, denials;
