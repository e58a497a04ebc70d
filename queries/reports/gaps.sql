-- reports/gaps: days inside the vendor data's range with charges computed
-- and no vendor row (data contract `gaps`; R24, from v_vendor_gaps: days in
-- --tz (R3), charges as of --as-of (R4)).
-- Filters: $team (the computed charges' team); $since/$until (inclusive, on day).
-- Grain: one row per day, sorted by day.
SELECT CAST(g.day AS DATE) AS day, CAST(sum(g.tokens_computed) AS BIGINT) AS tokens_computed
FROM v_vendor_gaps($as_of, tz := $tz) g
JOIN teams t ON t.team_id = g.team_id
WHERE ($team IS NULL OR t.team = $team)
  AND ($since IS NULL OR g.day >= CAST($since AS DATE))
  AND ($until IS NULL OR g.day <= CAST($until AS DATE))
GROUP BY g.day
ORDER BY day;
