-- v_burn(as_of, days): tokens each team burnt over the trailing `days` days.
-- Rules: R21 (the charges of v_burn_window: window_start in
-- (as_of - days, as_of]), R12 (the billed team), R4. Every report and pane
-- that shows a burn reads this (report balances, the Balances and
-- Expirations panes).
-- Grain: one row per team (0 when it burnt nothing).
CREATE OR REPLACE MACRO v_burn(as_of, days := 30) AS TABLE
SELECT CAST(t.team_id AS INTEGER) AS team_id,
       CAST(t.team AS VARCHAR) AS team,
       CAST(count(c.charge_id) AS BIGINT) AS windows,
       CAST(coalesce(sum(c.tokens), 0) AS BIGINT) AS burn
FROM teams t
LEFT JOIN v_burn_window(as_of, days := days) c ON c.team_id = t.team_id
GROUP BY t.team_id, t.team;
