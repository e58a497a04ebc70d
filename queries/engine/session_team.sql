-- engine/session_team: int_session_team computed once per engine run into a
-- TEMP table (the GROUP BY over every event is the costly part), read by
-- engine/sessions (billable sessions) and engine/store_results /
-- engine/temp_results (the exclusions, R18b). TEMP tables work on read-only
-- connections too.
-- Grain: one row per session, events up to $as_of (R4).
CREATE OR REPLACE TEMP TABLE engine_session_team AS
SELECT * FROM int_session_team(CAST($as_of AS TIMESTAMPTZ));
