-- dashboard/replays_key: what the R22 replays (app/reports/waste.py) read
-- besides the store's files: the events up to $as_of (R4). With the files
-- unchanged, the same count means the same events, so the same replays.
-- Rules: R4, R22. Grain: one row (path NULL for an in-memory store).
SELECT (SELECT path FROM duckdb_databases() WHERE database_name = current_database()) AS path,
       (SELECT count(*) FROM stg_events($as_of)) AS events;
