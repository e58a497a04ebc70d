-- dashboard/alerts: everything an admin should look at, one row per finding.
-- Rules: R16/R17/R18/R12/R12b (the engine's denials, grouped per day, user,
-- product and reason), R19, R11, R5 (int_session_findings over the period:
-- concurrent use, device limit, plug-in auto-starts by the rate row in force
-- at the session's start, unterminated sessions; each names the session's
-- billed team, R12), R12 (v_multi_team_users).
-- Grain: one row per alert; `kind` says which; `ts` is when it happened
-- (NULL for "several teams", which is not tied to an instant); `times`: the
-- denials a row groups (one user, product and day), 1 for other kinds.
-- $as_of (R4), $team (NULL: all), $since/$until: half-open instants (NULL: open).
WITH found AS (
    SELECT 'denied: ' || d.reason AS kind, min(d.ts) AS ts, d.user_id, d.product_id, d.team_id,
           CASE WHEN count(*) > 1 THEN count(*) || ' times that day' ELSE '' END AS detail,
           count(*) AS times  -- denials (refused windows) in the row, as Balances counts them (R16)
    FROM denials d
    WHERE d.ts <= $as_of
      AND ($since IS NULL OR d.ts >= $since)
      AND ($until IS NULL OR d.ts < $until)
    GROUP BY CAST(d.ts AS DATE), d.user_id, d.product_id, d.team_id, d.reason
    UNION ALL
    SELECT CASE f.finding WHEN 'concurrent_use' THEN 'concurrent use' WHEN 'device_limit' THEN 'device limit'
                WHEN 'plugin_autostart' THEN 'plug-in auto-start' ELSE 'unterminated session' END,
           CASE WHEN f.finding = 'unterminated' THEN f.session_end ELSE f.session_start END,
           f.user_id, f.product_id, f.team_id,
           CASE f.finding
               WHEN 'concurrent_use' THEN 'on ' || da.device || ' and ' || db.device || ' for '
                   || CAST(round(f.seconds / 60) AS BIGINT) || ' min'
               WHEN 'device_limit' THEN max(f.devices_30d) OVER (PARTITION BY f.finding, f.user_id, f.product_id)
                   || ' devices within 30 days (limit 3)'
               WHEN 'plugin_autostart' THEN 'opened ' || CAST(f.seconds AS BIGINT) || ' s from ' || hp.product
               ELSE 'no logout: the span ends at its last event' END,
           1
    FROM int_session_findings(CAST($as_of AS TIMESTAMPTZ), since := CAST($since AS TIMESTAMPTZ),
                              until := CAST($until AS TIMESTAMPTZ)) f
    LEFT JOIN devices da ON da.device_id = f.other_device_id
    LEFT JOIN devices db ON db.device_id = f.device_id
    LEFT JOIN products hp ON hp.product_id = f.other_product_id
    -- R19: one device-limit alert per user and product, at the first session over the limit
    QUALIFY f.finding <> 'device_limit'
         OR row_number() OVER (PARTITION BY f.finding, f.user_id, f.product_id ORDER BY f.session_start) = 1
    UNION ALL
    SELECT 'several teams', NULL, m.user_id,
           (SELECT arg_max(c.product_id, c.window_start) FROM charges c WHERE c.user_id = m.user_id),
           NULL, 'assigned in teams ' || m.team_names, 1
    FROM v_multi_team_users m
)
SELECT CAST(f.kind AS VARCHAR) AS kind, f.ts, CAST(u.user_name AS VARCHAR) AS user,
       CAST(p.product AS VARCHAR) AS product, CAST(t.team AS VARCHAR) AS team,
       CAST(coalesce(f.detail, '') AS VARCHAR) AS detail, CAST(f.times AS BIGINT) AS times
FROM found f
JOIN users u USING (user_id)
LEFT JOIN products p USING (product_id)
LEFT JOIN teams t USING (team_id)
WHERE $team IS NULL OR t.team = $team
   OR (f.kind = 'several teams' AND f.user_id IN (
        SELECT a.user_id FROM assignments a JOIN teams ta USING (team_id) WHERE ta.team = $team))
ORDER BY f.ts DESC NULLS FIRST, kind, user, product;
