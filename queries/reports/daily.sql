-- reports/daily: tokens charged per reporting day, team and product (data
-- contract `daily`).
-- Rules: R3 (a window belongs to the calendar day of its opening instant in
-- the reporting zone $tz; grouping never changes what is charged), R9/R10
-- (windows and their tokens), R12 (billed team), R4 (windows opened after
-- $as_of are not counted).
-- Filters: $team (team name); $since/$until (inclusive, on day in $tz).
-- Grain: one row per day x team x product, sorted by day, team, product.
WITH c AS (
    SELECT CAST(timezone(CAST($tz AS VARCHAR), c.window_start) AS DATE) AS day,
           c.team_id, c.product_id, c.user_id, c.tokens
    FROM charges c
    WHERE c.window_start <= $as_of
      AND ($team IS NULL OR c.team_id IN (SELECT team_id FROM teams WHERE team = $team))
)
SELECT CAST(c.day AS DATE)                 AS day,
       CAST(t.team AS VARCHAR)             AS team,
       CAST(p.product AS VARCHAR)          AS product,
       CAST(count(DISTINCT c.user_id) AS BIGINT) AS users,
       CAST(count(*) AS BIGINT)            AS windows,
       CAST(sum(c.tokens) AS BIGINT)       AS tokens
FROM c
JOIN teams t    ON t.team_id = c.team_id
JOIN products p ON p.product_id = c.product_id
WHERE ($since IS NULL OR c.day >= CAST($since AS DATE))
  AND ($until IS NULL OR c.day <= CAST($until AS DATE))
GROUP BY c.day, t.team, p.product
ORDER BY day, team, product;
