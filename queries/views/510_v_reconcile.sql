-- v_reconcile(as_of, tz): the vendor's bill against the computed charges (R24).
-- Per user, product and day in the reporting zone tz (R3, UTC by default),
-- the tokens billed (vendor_usage) against the tokens of the charges
-- computed from the logs (v_charge_source = 'logs') whose window_start
-- falls on that day, opened by as_of (R4; NULL: every charge). Only the days the vendor data covers are compared (its first
-- to last day). The older enterprise format's aggregate rows (no user) are
-- compared per product and day with every user's charges (user NULL).
-- status: billed_not_computed (billed > 0, nothing computed),
-- computed_not_billed (computed > 0, nothing billed), amount_differs (both
-- > 0, other totals), team_differs (same tokens, other teams), match (the
-- rest: same tokens and teams; a zero-token row, a session of 5 minutes or
-- less, matches no charge).
-- team_ids: every team of either side (a filter matches a team by id: a
-- name may itself hold ", ", as an export's team column listing teams does).
-- Grain: one row per day x user x product (user NULL: an aggregate row).
CREATE OR REPLACE MACRO v_reconcile(as_of, tz := 'UTC') AS TABLE
WITH cfg AS (
    SELECT coalesce(CAST(tz AS VARCHAR), 'UTC') AS zone, CAST(as_of AS TIMESTAMPTZ) AS as_of
), covered AS (
    SELECT min(day) AS first_day, max(day) AS last_day FROM vendor_usage
), computed_rows AS (
    SELECT CAST(timezone(cfg.zone, c.window_start) AS DATE) AS day, c.user_id, c.product_id, c.team_id,
           c.tokens
    FROM v_charge_source c, cfg
    WHERE c.source = 'logs' AND c.window_start <= coalesce(cfg.as_of, c.window_start)
), computed AS (
    SELECT day, user_id, product_id, team_id, sum(tokens) AS tokens
    FROM computed_rows, covered
    WHERE day BETWEEN covered.first_day AND covered.last_day
    GROUP BY ALL
), aggregate_products AS (
    SELECT DISTINCT day, product_id FROM vendor_usage WHERE aggregate
), sides AS (
    SELECT day, user_id, product_id, team_id, tokens AS billed, 0 AS computed, true AS vendor_row
    FROM vendor_usage WHERE NOT aggregate
    UNION ALL
    SELECT day, NULL, product_id, NULL, tokens, 0, true FROM vendor_usage WHERE aggregate
    UNION ALL
    -- a product and day the enterprise format billed in aggregate is compared in aggregate
    SELECT c.day, CASE WHEN a.product_id IS NULL THEN c.user_id END, c.product_id,
           CASE WHEN a.product_id IS NULL THEN c.team_id END, 0, c.tokens, false
    FROM computed c
    LEFT JOIN aggregate_products a ON a.day = c.day AND a.product_id = c.product_id
), compared AS (
    SELECT s.day, s.user_id, s.product_id,
           sum(s.billed) AS tokens_billed, sum(s.computed) AS tokens_computed,
           list_sort(list(DISTINCT s.team_id) FILTER (WHERE s.billed > 0)) AS billed_teams,
           list_sort(list(DISTINCT s.team_id) FILTER (WHERE s.computed > 0)) AS computed_teams,
           list(DISTINCT s.team_id) FILTER (WHERE s.team_id IS NOT NULL) AS team_ids,
           string_agg(DISTINCT t.team, ', ' ORDER BY t.team) FILTER (WHERE s.vendor_row) AS team_billed,
           string_agg(DISTINCT t.team, ', ' ORDER BY t.team) FILTER (WHERE NOT s.vendor_row) AS team_computed
    FROM sides s
    LEFT JOIN teams t ON t.team_id = s.team_id
    GROUP BY s.day, s.user_id, s.product_id
)
SELECT day, user_id, product_id, team_billed, team_computed, coalesce(team_ids, []) AS team_ids,
       CAST(tokens_billed AS BIGINT) AS tokens_billed, CAST(tokens_computed AS BIGINT) AS tokens_computed,
       CASE
           WHEN tokens_billed > 0 AND tokens_computed = 0 THEN 'billed_not_computed'
           WHEN tokens_computed > 0 AND tokens_billed = 0 THEN 'computed_not_billed'
           WHEN tokens_billed <> tokens_computed THEN 'amount_differs'
           WHEN coalesce(billed_teams, []) <> coalesce(computed_teams, []) THEN 'team_differs'
           ELSE 'match'
       END AS status
FROM compared;
