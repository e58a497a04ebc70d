-- engine/meaningful_events: login and activity instants (R6) of billable
-- sessions whose version detects idleness, sorted by session then instant
-- (DuckDB's parallel sort: about three times numpy's lexsort of the fetched
-- arrays here). Events up to $as_of (stg_events, R4). Instants in microseconds.
-- Reads engine_session_team (engine/session_team, this run's sessions).
-- Grain: one row per login/activity event of such a session.
SELECT CAST(e.session_key AS BIGINT) AS session_key, epoch_us(e.ts) AS ts_us
FROM stg_events(CAST($as_of AS TIMESTAMPTZ)) e
WHERE e.event <> 'logout'
  AND e.session_key IN (SELECT session_key FROM engine_session_team
                        WHERE idle_detection AND exclusion_reason IS NULL)
ORDER BY session_key, ts_us;
