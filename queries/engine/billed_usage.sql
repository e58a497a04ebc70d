-- engine/billed_usage: the vendor's billed days that no usage log covers,
-- as charges to draw (R24, working from the export alone). A billed row of
-- a team and UTC day the logs do not cover (v_log_coverage) becomes one charge at that day's 00:00 UTC (drawn by R14 at the
-- start of the day). Zero-token rows, aggregate rows (no team) and days after
-- $as_of (R4; NULL: every day) give none.
-- Grain: one row per charge, in R16 order (instant, user name, product code).
WITH covered AS (
    SELECT team_id, day FROM v_log_coverage(CAST($as_of AS TIMESTAMPTZ))
)
SELECT epoch_us(CAST(v.day AS TIMESTAMPTZ)) AS start_us,
       CAST(v.user_id AS BIGINT) AS user_id, CAST(v.product_id AS BIGINT) AS product_id,
       CAST(v.team_id AS BIGINT) AS team_id, CAST(v.tokens AS BIGINT) AS tokens
FROM vendor_usage v
JOIN users u ON u.user_id = v.user_id
JOIN products p ON p.product_id = v.product_id
WHERE NOT v.aggregate AND v.tokens > 0
  AND CAST(v.day AS TIMESTAMPTZ) <= coalesce(CAST($as_of AS TIMESTAMPTZ), CAST(v.day AS TIMESTAMPTZ))
  AND NOT EXISTS (SELECT 1 FROM covered c WHERE c.team_id = v.team_id AND c.day = v.day)
ORDER BY start_us, u.user_name, p.product;
