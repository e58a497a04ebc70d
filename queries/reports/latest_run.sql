-- reports/latest_run: the instant the stored engine results are as of (R4):
-- reports asked as of it use the stored tables as they are.
-- Rules: R4. Grain: one row (none before the first recompute).
SELECT as_of FROM engine_runs ORDER BY run_id DESC LIMIT 1;
