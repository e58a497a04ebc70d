-- engine/store_results: replace the stored charges, allocations and denials
-- with the engine's result (registered as engine_charges, engine_allocations,
-- engine_denials: instants in microseconds) plus the excluded sessions
-- (engine_session_team, the run's copy of int_session_team = int_session_exclusions).
-- Rules: R9 (window = [u, u + 24 h)), R14 (allocations), R16
-- (insufficient_balance at the instant the window would have opened),
-- R12/R12b/R17/R18/R18b (exclusions at the session's first event).
-- Grain: one row per charge / allocation / denial.
DELETE FROM main.allocations;
DELETE FROM main.charges;
DELETE FROM main.denials;
INSERT INTO main.charges
SELECT CAST(charge_id AS BIGINT), CAST(make_timestamp(start_us) AS TIMESTAMPTZ),
       CAST(make_timestamp(start_us + 86400000000) AS TIMESTAMPTZ),
       CAST(user_id AS INTEGER), CAST(product_id AS INTEGER), CAST(team_id AS INTEGER),
       CAST(tokens AS INTEGER), CAST(session_key AS INTEGER)
FROM engine_charges;
INSERT INTO main.allocations
SELECT CAST(charge_id AS BIGINT), CAST(pack_id AS VARCHAR), CAST(tokens AS INTEGER)
FROM engine_allocations;
INSERT INTO main.denials
SELECT CAST(make_timestamp(ts_us) AS TIMESTAMPTZ), CAST(user_id AS INTEGER),
       CAST(product_id AS INTEGER), CAST(team_id AS INTEGER),
       CAST('insufficient_balance' AS VARCHAR), CAST(session_key AS INTEGER)
FROM engine_denials
UNION ALL
SELECT session_start, user_id, product_id, team_id, exclusion_reason, session_key
FROM engine_session_team
WHERE exclusion_reason IS NOT NULL;
