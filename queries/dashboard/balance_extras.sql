-- dashboard/balance_extras: what the Balances pane shows beside `report balances`.
-- Rules: R13 (a pack is valid from purchased_on until purchased_on + 1 year),
-- R21 (burn over trailing 7 and 30 days), R16 (denials).
-- Grain: one row per team.
-- $as_of: the instant (R4); $team: NULL for all; $since/$until: the period
-- for denials, half-open [since, until), NULL for open-ended.
WITH valid AS (
    SELECT team_id, sum(tokens) AS purchased
    FROM packs
    WHERE CAST(purchased_on AS TIMESTAMPTZ) <= $as_of
      AND CAST(purchased_on + INTERVAL 1 YEAR AS TIMESTAMPTZ) > $as_of
    GROUP BY team_id
), burn AS (
    SELECT team_id,
           sum(tokens) FILTER (WHERE window_start >= $as_of - INTERVAL 7 DAY)  AS burn_7d,
           sum(tokens) AS burn_30d
    FROM charges
    WHERE window_start >= $as_of - INTERVAL 30 DAY AND window_start <= $as_of
    GROUP BY team_id
), denied AS (
    SELECT team_id, count(*) AS denials
    FROM denials
    WHERE ts <= $as_of
      AND ($since IS NULL OR ts >= $since)
      AND ($until IS NULL OR ts < $until)
    GROUP BY team_id
)
SELECT CAST(t.team AS VARCHAR)              AS team,
       CAST(coalesce(v.purchased, 0) AS BIGINT) AS purchased,
       CAST(coalesce(b.burn_7d, 0) AS BIGINT)  AS burn_7d,
       CAST(coalesce(b.burn_30d, 0) AS BIGINT) AS burn_30d_extra,
       CAST(coalesce(d.denials, 0) AS BIGINT)  AS denials
FROM teams t
LEFT JOIN valid v USING (team_id)
LEFT JOIN burn b USING (team_id)
LEFT JOIN denied d USING (team_id)
WHERE $team IS NULL OR t.team = $team
ORDER BY t.team;
