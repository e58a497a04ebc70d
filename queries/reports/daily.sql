-- reports/daily: tokens charged per reporting day, team and product (data
-- contract `daily`), from v_daily_totals (R3 days in the zone $tz, from
-- --tz; R4 as-of; R9/R10 windows and tokens; R12 team).
-- Filters: $team (team name); $since/$until (inclusive, on day in that zone).
-- Grain: one row per day x team x product, sorted by day, team, product.
SELECT CAST(d.day AS DATE)        AS day,
       CAST(t.team AS VARCHAR)    AS team,
       CAST(p.product AS VARCHAR) AS product,
       d.users, d.windows, d.tokens
FROM v_daily_totals($as_of, tz := $tz) d
JOIN teams t    ON t.team_id = d.team_id
JOIN products p ON p.product_id = d.product_id
WHERE ($team IS NULL OR t.team = $team)
  AND ($since IS NULL OR d.day >= CAST($since AS DATE))
  AND ($until IS NULL OR d.day <= CAST($until AS DATE))
ORDER BY day, team, product;
