-- dashboard/rates: the rate table as it applied in the period, with each
-- product's history, and the tokens the team (or every team) was charged
-- for each product in the period.
-- Rules: R10 (the row with the latest effective_from <= the instant
-- applies; before a product's first row, that row: stg_rate_periods), R6
-- (idle_detection_since), R11 (plug-ins and their host), R18 (linux), R9
-- (charges). A row is listed when it was in force at some instant of the
-- period, from $since to its last instant (the last before $until, or $as_of
-- if that comes first); `current` marks the one in force at that last
-- instant. The team filters the tokens, not the rates (a rate is
-- the same for every team). $as_of (R4), $team (NULL: all), $since/$until
-- half-open instants (NULL: open).
-- Grain: one row per product x effective_from.
WITH bounds AS (
    SELECT CAST($since AS TIMESTAMPTZ) AS first_instant,
           CASE WHEN $until IS NULL OR CAST($until AS TIMESTAMPTZ) > CAST($as_of AS TIMESTAMPTZ)
                THEN CAST($as_of AS TIMESTAMPTZ)
                ELSE CAST($until AS TIMESTAMPTZ) - INTERVAL 1 MICROSECOND END AS last_instant
), used AS (
    SELECT c.product_id, CAST(sum(c.tokens) AS BIGINT) AS tokens
    FROM charges c
    JOIN teams t USING (team_id)
    WHERE c.window_start <= $as_of
      AND ($since IS NULL OR c.window_start >= $since)
      AND ($until IS NULL OR c.window_start < $until)
      AND ($team IS NULL OR t.team = $team)
    GROUP BY c.product_id
)
SELECT r.product, r.name, r.kind, r.host, r.tokens_per_day, r.effective_from,
       r.idle_detection_since, r.linux, s.origin, s.source,
       rate_in_force(b.last_instant, r.period_start, r.period_end) AS current,
       coalesce(u.tokens, 0) AS tokens_in_period
FROM stg_rate_periods r
CROSS JOIN bounds b
JOIN stg_rates s ON s.product = r.product AND s.effective_from = r.effective_from
LEFT JOIN used u ON u.product_id = r.product_id
WHERE r.period_start <= b.last_instant
  AND (b.first_instant IS NULL OR r.period_end > b.first_instant)
ORDER BY r.product, r.effective_from DESC;
