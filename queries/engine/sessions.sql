-- engine/sessions: billable sessions as arrays, one row each.
-- Rules: R5 (span), R6 (idle_detection), R12 (billed team), R18b (excluded
-- sessions left out: they add no active time, R7), R16 (grp numbers the
-- user x product groups in the order charges are applied: user name, then
-- product code, so nothing depends on dense ids or import order).
-- Instants in microseconds since the epoch (UTC).
-- Grain: one row per billable session.
WITH billable AS MATERIALIZED (
    SELECT session_key, user_id, product_id, team_id, session_start, session_end, idle_detection
    FROM engine_session_team  -- int_session_team, computed once per run (engine/session_team)
    WHERE exclusion_reason IS NULL
),
g AS (
    SELECT d.user_id, d.product_id,
           CAST(row_number() OVER (ORDER BY u.user_name, p.product) - 1 AS BIGINT) AS grp
    FROM (SELECT DISTINCT user_id, product_id FROM billable) d
    JOIN users u ON u.user_id = d.user_id
    JOIN products p ON p.product_id = d.product_id
)
SELECT CAST(b.session_key AS BIGINT) AS session_key,
       g.grp,
       CAST(b.user_id AS BIGINT) AS user_id,
       CAST(b.product_id AS BIGINT) AS product_id,
       CAST(b.team_id AS BIGINT) AS team_id,
       epoch_us(b.session_start) AS start_us,
       epoch_us(b.session_end) AS end_us,
       b.idle_detection
FROM billable b JOIN g ON g.user_id = b.user_id AND g.product_id = b.product_id;
