-- engine/intervals: the active intervals of billable sessions, as arrays.
-- Rules: R6, R7 (excluded sessions add no active time, R18b), R12 (each
-- interval carries its session's billed team), R16 (grp numbers the
-- user x product groups in the order charges are applied: user name, then
-- product code, so the result never depends on dense ids or import order).
-- Instants in microseconds since the epoch (UTC).
-- Grain: one row per billable session x active interval, sorted by grp, start.
WITH iv AS MATERIALIZED (
    SELECT user_id, product_id, session_key, team_id, session_start, interval_start, interval_end
    FROM int_active_intervals
    WHERE NOT excluded
),
g AS (
    SELECT d.user_id, d.product_id,
           CAST(row_number() OVER (ORDER BY u.user_name, p.product) - 1 AS BIGINT) AS grp
    FROM (SELECT DISTINCT user_id, product_id FROM iv) d
    JOIN users u ON u.user_id = d.user_id
    JOIN products p ON p.product_id = d.product_id
)
SELECT g.grp,
       epoch_us(iv.interval_start) AS start_us,
       epoch_us(iv.interval_end) AS end_us,
       CAST(iv.session_key AS BIGINT) AS session_key,
       epoch_us(iv.session_start) AS session_start_us,
       CAST(iv.team_id AS BIGINT) AS team_id,
       CAST(iv.user_id AS BIGINT) AS user_id,
       CAST(iv.product_id AS BIGINT) AS product_id
FROM iv JOIN g ON g.user_id = iv.user_id AND g.product_id = iv.product_id
ORDER BY g.grp, start_us, end_us;
