-- v_multi_team_users: users that more than one team assigns.
-- Rules: R12 (the admin cannot steer which team pays, so they are listed).
-- Grain: one row per user assigned to two or more teams.
CREATE OR REPLACE VIEW v_multi_team_users AS
SELECT CAST(a.user_id AS INTEGER) AS user_id,
       CAST(u.user_name AS VARCHAR) AS user_name,
       CAST(count(DISTINCT a.team_id) AS INTEGER) AS teams,
       CAST(string_agg(DISTINCT t.team, ', ' ORDER BY t.team) AS VARCHAR) AS team_names
FROM assignments a
JOIN users u ON u.user_id = a.user_id
JOIN teams t ON t.team_id = a.team_id
GROUP BY a.user_id, u.user_name
HAVING count(DISTINCT a.team_id) > 1;
