-- engine/stored_as_of: the instant the stored engine results are as of (R4):
-- reports asked as of it read the stored tables as they are.
-- Rules: R4. Grain: one row (none before the first recompute).
SELECT as_of FROM main.engine_runs ORDER BY run_id DESC LIMIT 1;
