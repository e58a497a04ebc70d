-- engine/meaningful_events: login and activity instants (R6), unsorted; the
-- engine keeps those of billable idle-detecting sessions and sorts them.
-- Events up to the as-of (stg_events, R4). Instants in microseconds.
-- Grain: one row per login/activity event.
SELECT CAST(session_key AS BIGINT) AS session_key, epoch_us(ts) AS ts_us
FROM stg_events
WHERE event <> 'logout';
