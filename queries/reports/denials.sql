-- reports/denials: windows and sessions that were refused (data contract
-- `denials`).
-- Rules: R16 (insufficient_balance: ts is the instant the window would have
-- opened), R12 (team_unresolved: team empty), R12b (unknown_product), R18
-- (unsupported_platform), R17 (not_assigned); for exclusions ts is the
-- session's first event. R4: nothing after $as_of.
-- Filters: $team (team name; team_unresolved rows have no team and only
-- show without a team filter); $since/$until (inclusive UTC days of ts).
-- Grain: one row per denial, sorted by ts, user, product.
SELECT CAST(d.ts AS TIMESTAMPTZ)     AS ts,
       CAST(u.user_name AS VARCHAR)  AS "user",
       CAST(p.product AS VARCHAR)    AS product,
       CAST(t.team AS VARCHAR)       AS team,
       CAST(d.reason AS VARCHAR)     AS reason
FROM denials d
JOIN users u       ON u.user_id = d.user_id
JOIN products p    ON p.product_id = d.product_id
LEFT JOIN teams t  ON t.team_id = d.team_id
WHERE d.ts <= $as_of
  AND ($team IS NULL OR t.team = $team)
  AND ($since IS NULL OR d.ts >= CAST(CAST($since AS DATE) AS TIMESTAMPTZ))
  AND ($until IS NULL OR d.ts < CAST(CAST($until AS DATE) + INTERVAL 1 DAY AS TIMESTAMPTZ))
ORDER BY ts, "user", product, reason;
