-- reports/forecast_recent: the charges of the trailing 30 days (R21: the
-- window of burn_30d, v_burn_window: ($as_of - 30 days, $as_of]), in R16 order, for the
-- highest daily rate a team used and the week the projection repeats.
-- Filter: $team (team name).
-- Grain: one row per charge, sorted by team, window_start, user, product.
SELECT CAST(t.team AS VARCHAR) AS team, c.window_start, CAST(c.tokens AS BIGINT) AS tokens
FROM v_burn_window(CAST($as_of AS TIMESTAMPTZ), days := 30) c
JOIN teams t ON t.team_id = c.team_id
JOIN users u ON u.user_id = c.user_id
JOIN products p ON p.product_id = c.product_id
WHERE $team IS NULL OR t.team = $team
ORDER BY team, c.window_start, u.user_name, p.product;
