-- dashboard/teams: the team names for the team selector.
-- Rules: none (a dictionary). Grain: one row per team.
SELECT CAST(team AS VARCHAR) AS team FROM teams ORDER BY team;
