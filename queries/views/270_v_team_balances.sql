-- v_team_balances: each team's balance as of the session variable
-- `flexdash_as_of` (unset: now).
-- Rules: R15 (balance = remaining tokens of the packs valid at the instant),
-- R13 (expired packs count nothing, their rest is forfeited), R4.
-- Teams without packs are listed with balance 0.
-- Grain: one row per team.
CREATE OR REPLACE VIEW v_team_balances AS
SELECT CAST(t.team_id AS INTEGER) AS team_id,
       CAST(t.team AS VARCHAR) AS team,
       CAST(coalesce(sum(s.remaining) FILTER (WHERE s.valid_now), 0) AS BIGINT) AS balance,
       CAST(coalesce(sum(s.consumed), 0) AS BIGINT) AS consumed,
       CAST(coalesce(sum(s.forfeited), 0) AS BIGINT) AS forfeited
FROM teams t
LEFT JOIN v_pack_state s ON s.team_id = t.team_id
GROUP BY t.team_id, t.team;
