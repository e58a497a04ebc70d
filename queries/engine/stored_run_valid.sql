-- engine/stored_run_valid: do the stored results hold for $as_of? (R4)
-- True when the latest run saw exactly the events with ts <= $as_of: the
-- events up to $as_of and up to the run's own as-of are the same set, and
-- it is the set the run counted.
-- Grain: one row.
WITH last AS (
    SELECT as_of, events FROM main.engine_runs ORDER BY run_id DESC LIMIT 1
)
SELECT coalesce((
    SELECT (SELECT count(*) FROM events WHERE ts <= CAST($as_of AS TIMESTAMPTZ)) = last.events
       AND (SELECT count(*) FROM events WHERE ts <= last.as_of) = last.events
    FROM last), false);
