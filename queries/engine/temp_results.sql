-- engine/temp_results: the engine's result for a historical as-of (R4) as
-- TEMP tables named like the stored ones, which shadow them on this
-- connection only (also inside views; allowed on read-only connections).
-- Same columns and types as migration 0001; same content rules as
-- engine/store_results.
-- Grain: one row per charge / allocation / denial.
CREATE OR REPLACE TEMP TABLE charges AS
SELECT CAST(charge_id AS BIGINT) AS charge_id,
       CAST(make_timestamp(start_us) AS TIMESTAMPTZ) AS window_start,
       CAST(make_timestamp(start_us + 86400000000) AS TIMESTAMPTZ) AS window_end,
       CAST(user_id AS INTEGER) AS user_id, CAST(product_id AS INTEGER) AS product_id,
       CAST(team_id AS INTEGER) AS team_id, CAST(tokens AS INTEGER) AS tokens,
       CAST(session_key AS INTEGER) AS session_key
FROM engine_charges;
CREATE OR REPLACE TEMP TABLE allocations AS
SELECT CAST(charge_id AS BIGINT) AS charge_id, CAST(pack_id AS VARCHAR) AS pack_id,
       CAST(tokens AS INTEGER) AS tokens
FROM engine_allocations;
CREATE OR REPLACE TEMP TABLE denials AS
SELECT CAST(make_timestamp(ts_us) AS TIMESTAMPTZ) AS ts, CAST(user_id AS INTEGER) AS user_id,
       CAST(product_id AS INTEGER) AS product_id, CAST(team_id AS INTEGER) AS team_id,
       CAST('insufficient_balance' AS VARCHAR) AS reason, CAST(session_key AS INTEGER) AS session_key
FROM engine_denials
UNION ALL
SELECT session_start, user_id, product_id, team_id, exclusion_reason, session_key
FROM engine_session_team
WHERE exclusion_reason IS NOT NULL;
