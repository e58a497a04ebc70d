-- reports/chargeback: what each team and group cost per month (data
-- contract `chargeback`).
-- Rules: R23 (the cost of a charge is read from v_charge_costs: the tokens
-- drawn from each pack at that pack's unit price, in its currency), R25
-- (v_user_groups: a user without a group is in '(none)'), R3 (month of
-- window_start in --tz), R4 (windows opened after $as_of are not counted).
-- tokens are the tokens drawn in that currency (a charge drawn from packs
-- of two currencies is split across their rows); cost is rounded to two
-- places once, after summing.
-- Filters: $team (team name); $since/$until (inclusive, on the day of
-- window_start in $tz).
-- Grain: one row per month x team x group x currency, sorted by month,
-- team, group (then currency).
WITH costs AS (
    SELECT CAST(timezone($tz, cc.window_start) AS DATE) AS local_day,
           cc.team_id, g.group_name, cc.tokens, cc.cost, cc.currency
    FROM v_charge_costs cc
    JOIN v_user_groups g ON g.user_id = cc.user_id
    WHERE cc.window_start <= $as_of
)
SELECT CAST(strftime(local_day, '%Y-%m') AS VARCHAR)  AS month,
       CAST(t.team AS VARCHAR)                       AS team,
       CAST(c.group_name AS VARCHAR)                 AS "group",
       CAST(sum(c.tokens) AS BIGINT)                 AS tokens,
       CAST(round(sum(c.cost), 2) AS DECIMAL(18, 2)) AS cost,
       CAST(c.currency AS VARCHAR)                   AS currency
FROM costs c
JOIN teams t ON t.team_id = c.team_id
WHERE ($team IS NULL OR t.team = $team)
  AND ($since IS NULL OR c.local_day >= CAST($since AS DATE))
  AND ($until IS NULL OR c.local_day <= CAST($until AS DATE))
GROUP BY ALL
ORDER BY month, team, "group", currency;
