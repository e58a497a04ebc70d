-- reports/teams: the team names the store knows, to check --team and to
-- list them when it names none of them. Rules: none (a dictionary).
-- Grain: one row per team, sorted by name.
SELECT CAST(team AS VARCHAR) AS team FROM teams ORDER BY team;
