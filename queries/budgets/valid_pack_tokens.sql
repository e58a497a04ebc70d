-- budgets/valid_pack_tokens: the tokens bought in each team's packs valid
-- at $as_of (v_pack_state.valid_now, R13, R4): what a balance share is a
-- share of.
-- Grain: one row per team with a valid pack.
SELECT CAST(team AS VARCHAR) AS team, CAST(sum(tokens) AS BIGINT) AS valid_tokens
FROM v_pack_state($as_of)
WHERE valid_now
GROUP BY team
ORDER BY team;
