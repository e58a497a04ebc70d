-- reports/forecast_daily: tokens charged per team and UTC day, the history
-- the forecast projects from (R21; R9/R10 windows and tokens, R12 team,
-- R4: windows opened up to $as_of). Filter: $team (team name).
-- Grain: one row per team x day with charges, sorted by team, day.
SELECT CAST(t.team AS VARCHAR) AS team,
       CAST(timezone('UTC', c.window_start) AS DATE) AS day,
       CAST(sum(c.tokens) AS BIGINT) AS tokens
FROM charges c JOIN teams t ON t.team_id = c.team_id
WHERE c.window_start <= $as_of AND ($team IS NULL OR t.team = $team)
GROUP BY ALL
ORDER BY team, day;
