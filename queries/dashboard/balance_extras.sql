-- dashboard/balance_extras: what the Balances pane shows beside `report balances`.
-- Rules: R15/R13 (purchased = tokens of the packs valid at $as_of, from
-- v_team_balances), R21 (burn over the trailing 7 and 30 days, v_burn),
-- R16 (denials in the period).
-- Grain: one row per team.
-- $as_of: the instant (R4); $team: NULL for all; $since/$until: the period
-- for denials, half-open [since, until), NULL for open-ended.
WITH denied AS (
    SELECT team_id, count(*) AS denials
    FROM denials
    WHERE ts <= $as_of
      AND ($since IS NULL OR ts >= $since)
      AND ($until IS NULL OR ts < $until)
    GROUP BY team_id
)
SELECT CAST(t.team AS VARCHAR)                 AS team,
       CAST(t.purchased AS BIGINT)             AS purchased,
       CAST(b7.burn AS BIGINT)                 AS burn_7d,
       CAST(coalesce(d.denials, 0) AS BIGINT)  AS denials
FROM v_team_balances($as_of) t
JOIN v_burn($as_of, days := 7) b7 ON b7.team_id = t.team_id
LEFT JOIN denied d ON d.team_id = t.team_id
WHERE $team IS NULL OR t.team = $team
ORDER BY t.team;
