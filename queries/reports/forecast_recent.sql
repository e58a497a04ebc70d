-- reports/forecast_recent: the charges of the trailing 30 days (R21: the
-- window of burn_30d, v_burn_window: ($as_of - 30 days, $as_of]), in R16 order, for the
-- highest daily rate a team used and the week the projection repeats.
-- rate: the product's rate in force at window_start (R10; a log's charge is
-- that rate, a billed day's may hold several windows, R24), else the tokens.
-- Filter: $team (team name).
-- Grain: one row per charge, sorted by team, window_start, user, product.
SELECT CAST(t.team AS VARCHAR) AS team, c.window_start, CAST(c.tokens AS BIGINT) AS tokens,
       CAST(coalesce(r.tokens_per_day, c.tokens) AS BIGINT) AS rate
FROM v_burn_window(CAST($as_of AS TIMESTAMPTZ), days := 30) c
JOIN teams t ON t.team_id = c.team_id
JOIN users u ON u.user_id = c.user_id
JOIN products p ON p.product_id = c.product_id
LEFT JOIN stg_rate_periods r
  ON r.product_id = c.product_id AND rate_in_force(c.window_start, r.period_start, r.period_end)
WHERE $team IS NULL OR t.team = $team
ORDER BY team, c.window_start, u.user_name, p.product;
