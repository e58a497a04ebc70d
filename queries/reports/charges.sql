-- reports/charges: every 24-hour window charged (data contract `charges`).
-- Rules: R9 (one row per window), R10 (tokens = the rate at the opening
-- instant, as the engine charged it), R12 (the billed team), R4 (windows
-- opened after $as_of are not shown).
-- Filters: $team (team name, NULL = all); $since/$until (dates, inclusive,
-- on the UTC day of window_start; NULL = open).
-- Grain: one row per charge, sorted by window_start, user, product.
SELECT CAST(c.window_start AS TIMESTAMPTZ) AS window_start,
       CAST(c.window_end AS TIMESTAMPTZ)   AS window_end,
       CAST(u.user_name AS VARCHAR)        AS "user",
       CAST(p.product AS VARCHAR)          AS product,
       CAST(t.team AS VARCHAR)             AS team,
       CAST(c.tokens AS BIGINT)            AS tokens
FROM charges c
JOIN users u    ON u.user_id = c.user_id
JOIN products p ON p.product_id = c.product_id
JOIN teams t    ON t.team_id = c.team_id
WHERE c.window_start <= $as_of
  AND ($team IS NULL OR t.team = $team)
  AND ($since IS NULL OR c.window_start >= CAST(CAST($since AS DATE) AS TIMESTAMPTZ))
  AND ($until IS NULL OR c.window_start < CAST(CAST($until AS DATE) + INTERVAL 1 DAY AS TIMESTAMPTZ))
ORDER BY window_start, "user", product, team;
