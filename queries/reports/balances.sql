-- reports/balances: each team's tokens at $as_of and how long they last
-- (data contract `balances`), from v_team_balances and v_burn.
-- Rules: R15 (balance), R13 (validity), R21 (burn over the trailing 30
-- days, runway, tokens at risk), R4 (everything as of $as_of).
-- runway_days = floor(balance / (burn_30d / 30)), whole days the balance
-- lasts at that burn; NULL (empty) when burn_30d is 0; expiries are not
-- subtracted (expiring_90d shows them).
-- Every team of the store is listed (0 when it has no valid pack).
-- Filter: $team (team name). No period: a balance is a point in time.
-- Grain: one row per team, sorted by team.
SELECT CAST(t.team AS VARCHAR)         AS team,
       CAST(t.balance AS BIGINT)       AS balance,
       CAST(b.burn AS BIGINT)          AS burn_30d,
       CAST(CASE WHEN b.burn > 0 THEN (30 * t.balance) // b.burn END AS BIGINT) AS runway_days,
       CAST(t.next_expiry AS DATE)     AS next_expiry,
       CAST(t.expiring_90d AS BIGINT)  AS expiring_90d
FROM v_team_balances($as_of) t
JOIN v_burn($as_of, days := 30) b ON b.team_id = t.team_id
WHERE $team IS NULL OR t.team = $team
ORDER BY team;
