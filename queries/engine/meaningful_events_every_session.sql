-- engine/meaningful_events_every_session: login and activity instants (R6)
-- of every billable session, whether its version detects idleness or not,
-- for the replay where every session does (R22, T_on). Sorted by session
-- then instant, as engine/meaningful_events; events up to $as_of
-- (stg_events, R4); instants in microseconds. Reads
-- engine_session_team (engine/session_team).
-- Grain: one row per login/activity event of a billable session.
SELECT CAST(e.session_key AS BIGINT) AS session_key, epoch_us(e.ts) AS ts_us
FROM stg_events(CAST($as_of AS TIMESTAMPTZ)) e
WHERE e.event <> 'logout'
  AND e.session_key IN (SELECT session_key FROM engine_session_team WHERE exclusion_reason IS NULL)
ORDER BY session_key, ts_us;
