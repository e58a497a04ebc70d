-- engine/billed_usage: the vendor's billed days that no usage log covers,
-- as charges to draw (R24, working from the export alone). A team's UTC day
-- is covered when an event of that day belongs to a session billed to the
-- team (engine_session_team, this run's R12 teams); a billed row of a day
-- not covered becomes one charge at that day's 00:00 UTC (drawn by R14 at the
-- start of the day). Zero-token rows, aggregate rows (no team) and days after
-- $as_of (R4; NULL: every day) give none.
-- Grain: one row per charge, in R16 order (instant, user name, product code).
WITH covered AS (
    SELECT DISTINCT st.team_id, CAST(e.ts AS DATE) AS day
    FROM stg_events(CAST($as_of AS TIMESTAMPTZ)) e
    JOIN engine_session_team st ON st.session_key = e.session_key
    WHERE st.team_id IS NOT NULL
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
