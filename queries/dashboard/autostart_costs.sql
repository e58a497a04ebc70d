-- dashboard/autostart_costs: what plug-ins that start with their host cost
-- (R11: auto-started sessions, v_plugin_autostarts; R23: the cost of the
-- charges opened in them, v_charge_costs), per user and plug-in, for the
-- Advice pane. $as_of (R4), $team (NULL: all), $since/$until: half-open
-- instants on the session start (NULL: open).
-- Grain: one row per user x plug-in x currency with auto-starts, most cost first.
WITH auto AS (
    SELECT session_key, user_id, product_id
    FROM v_plugin_autostarts(CAST($as_of AS TIMESTAMPTZ), since := CAST($since AS TIMESTAMPTZ),
                             until := CAST($until AS TIMESTAMPTZ))
)
SELECT CAST(u.user_name AS VARCHAR) AS "user", CAST(p.product AS VARCHAR) AS product,
       CAST(count(DISTINCT a.session_key) AS BIGINT) AS sessions,
       CAST(coalesce(sum(cc.tokens), 0) AS BIGINT) AS tokens,
       CAST(round(coalesce(sum(cc.cost), 0), 2) AS DECIMAL(18, 2)) AS cost,
       CAST(cc.currency AS VARCHAR) AS currency
FROM auto a
JOIN users u ON u.user_id = a.user_id
JOIN products p ON p.product_id = a.product_id
LEFT JOIN v_charge_costs cc ON cc.session_key = a.session_key AND cc.window_start <= $as_of
LEFT JOIN teams t ON t.team_id = cc.team_id
WHERE $team IS NULL OR t.team = $team
GROUP BY ALL
ORDER BY cost DESC NULLS LAST, "user", product;
