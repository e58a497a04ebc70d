-- budgets/valid_pack_tokens: the tokens bought in each team's packs valid
-- at $as_of (v_team_balances.purchased, R13, R15, R4): what a balance
-- share is a share of.
-- Grain: one row per team.
SELECT CAST(team AS VARCHAR) AS team, CAST(purchased AS BIGINT) AS valid_tokens
FROM v_team_balances($as_of)
ORDER BY team;
