-- v_burn(as_of, days): tokens each team burnt over the trailing `days` days.
-- Rules: R21 (burn = tokens of the charges whose window_start lies in
-- (as_of - days, as_of]: a window opened exactly `days` days before as_of
-- is out), R12 (the billed team), R4. Every report and pane that shows a
-- burn reads this (report balances, the Balances and Expirations panes).
-- Reads charges, so TEMP tables made by app.engine.use_results_as_of count.
-- Grain: one row per team (0 when it burnt nothing).
CREATE OR REPLACE MACRO v_burn(as_of, days := 30) AS TABLE
SELECT CAST(t.team_id AS INTEGER) AS team_id,
       CAST(t.team AS VARCHAR) AS team,
       CAST(count(c.charge_id) AS BIGINT) AS windows,
       CAST(coalesce(sum(c.tokens), 0) AS BIGINT) AS burn
FROM teams t
LEFT JOIN charges c
       ON c.team_id = t.team_id
      AND c.window_start > CAST(as_of AS TIMESTAMPTZ) - to_days(CAST(days AS INTEGER))
      AND c.window_start <= CAST(as_of AS TIMESTAMPTZ)
GROUP BY t.team_id, t.team;
