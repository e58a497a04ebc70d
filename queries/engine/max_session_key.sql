-- engine/max_session_key: the largest session key stored (dense ids), to
-- size the engine's per-session lookup arrays.
-- Grain: one row.
SELECT max(session_key) FROM sessions;
