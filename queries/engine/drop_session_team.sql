-- engine/drop_session_team: free the per-run TEMP table of engine/session_team.
-- Grain: none (DDL).
DROP TABLE IF EXISTS temp.engine_session_team;
