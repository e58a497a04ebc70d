-- reports/charge_sources: where the period's charges come from (R24,
-- v_charge_source): computed from the logs, billed by the vendor (days no
-- log covers), per team, so every screen and report can say which source it shows (app/reports/sources.py).
-- Filters: $as_of (R4), $team, $since/$until (instants, [since, until)),
-- $user_id/$product_id (explain's one user and product; NULL: every one).
-- Grain: one row per team x source.
SELECT CAST(t.team AS VARCHAR) AS team, CAST(c.source AS VARCHAR) AS source,
       CAST(count(*) AS BIGINT) AS charges, CAST(sum(c.tokens) AS BIGINT) AS tokens
FROM v_charge_source c
JOIN teams t ON t.team_id = c.team_id
WHERE c.window_start <= $as_of
  AND ($team IS NULL OR t.team = $team)
  AND ($user_id IS NULL OR c.user_id = $user_id)
  AND ($product_id IS NULL OR c.product_id = $product_id)
  AND ($since IS NULL OR c.window_start >= $since)
  AND ($until IS NULL OR c.window_start < $until)
GROUP BY ALL
ORDER BY team, source;
