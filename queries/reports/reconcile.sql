-- reports/reconcile: the vendor's bill against the computed charges (data
-- contract `reconcile`; R24, from v_reconcile: days in --tz (R3), charges as
-- of --as-of (R4)). Lists the differences; $all (--all) adds the matches.
-- Filters: $team (billed or computed team, its whole name); $since/$until (inclusive, on day).
-- Grain: one row per day x user x product, sorted by day, user, product.
SELECT CAST(r.day AS DATE)              AS day,
       CAST(u.user_name AS VARCHAR)     AS "user",
       CAST(p.product AS VARCHAR)       AS product,
       CAST(r.team_billed AS VARCHAR)   AS team_billed,
       CAST(r.team_computed AS VARCHAR) AS team_computed,
       r.tokens_billed, r.tokens_computed,
       CAST(r.status AS VARCHAR)        AS status
FROM v_reconcile($as_of, tz := $tz) r
LEFT JOIN users u ON u.user_id = r.user_id
JOIN products p ON p.product_id = r.product_id
WHERE (r.status <> 'match' OR $all)
  AND ($team IS NULL OR list_has_any(r.team_ids, (SELECT list(team_id) FROM teams WHERE team = $team)))
  AND ($since IS NULL OR r.day >= CAST($since AS DATE))
  AND ($until IS NULL OR r.day <= CAST($until AS DATE))
ORDER BY day, "user" NULLS FIRST, product;
