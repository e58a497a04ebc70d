-- dashboard/alerts: everything an admin should look at, one row per finding.
-- Rules: R16/R17/R18/R12/R12b (the engine's denials, grouped per day, user,
-- product and reason), R19 (concurrent use; more than 3 devices within 30
-- days), R12 (v_multi_team_users), R11 (plug-in auto-starts), R5
-- (unterminated sessions).
-- Why not the engine's int_sessions / v_concurrent_use / v_device_limit /
-- v_plugin_autostarts here: they span every stored event (37 s at 10 M
-- events), and the dashboard must answer in 0.3 s. So the sessions are
-- rebuilt from the events of the period only (plus 30 days back for R19's
-- window), with the same definitions as those views (cited per block):
-- span = first to last event (R5); attributes of the first event; the team
-- is the one the session's log rows name (NULL when they name none).
-- Grain: one row per alert; `kind` says which; `ts` is when it happened
-- (NULL for "several teams", which is not tied to an instant); `times`: the
-- denials a row groups (one user, product and day), 1 for other kinds.
-- $as_of (R4), $team (NULL: all), $since/$until: half-open instants (NULL: open).
WITH s AS MATERIALIZED (  -- as int_sessions (R5), over the period and 30 days before it
    SELECT session_key,
           arg_min(user_id, ts) AS user_id, arg_min(product_id, ts) AS product_id,
           arg_min(team_id, ts) FILTER (WHERE team_id IS NOT NULL) AS team_id,
           arg_min(device_id, ts) AS device_id,
           min(ts) AS session_start, max(ts) AS session_end,
           bool_or(event = 'logout') AS has_logout
    FROM events
    WHERE ts <= $as_of
      AND ($since IS NULL OR ts >= $since - INTERVAL 30 DAY)
      AND ($until IS NULL OR ts < $until)
    GROUP BY session_key
), p AS MATERIALIZED (  -- the sessions that started in the period
    SELECT * FROM s
    WHERE ($since IS NULL OR session_start >= $since)
      AND ($until IS NULL OR session_start < $until)
), found AS (
    SELECT 'denied: ' || d.reason AS kind, min(d.ts) AS ts, d.user_id, d.product_id, d.team_id,
           CASE WHEN count(*) > 1 THEN count(*) || ' times that day' ELSE '' END AS detail,
           count(*) AS times  -- denials (refused windows) in the row, as Balances counts them (R16)
    FROM denials d
    WHERE d.ts <= $as_of
      AND ($since IS NULL OR d.ts >= $since)
      AND ($until IS NULL OR d.ts < $until)
    GROUP BY CAST(d.ts AS DATE), d.user_id, d.product_id, d.team_id, d.reason
    UNION ALL
    SELECT 'concurrent use', b.session_start, b.user_id, b.product_id, b.team_id,
           'on ' || da.device || ' and ' || db.device || ' for '
               || CAST(round((epoch(least(a.session_end, b.session_end)) - epoch(b.session_start)) / 60) AS BIGINT)
               || ' min', 1
    FROM s a  -- as v_concurrent_use (R19): spans overlap on different devices
    JOIN p b ON b.user_id = a.user_id AND b.product_id = a.product_id
            AND b.device_id <> a.device_id
            AND (b.session_start > a.session_start
                 OR (b.session_start = a.session_start AND b.session_key > a.session_key))
            AND b.session_start < a.session_end
    JOIN devices da ON da.device_id = a.device_id
    JOIN devices db ON db.device_id = b.device_id
    UNION ALL
    SELECT 'device limit', min(session_start), user_id, product_id, any_value(team_id),
           max(devices_30d) || ' devices within 30 days (limit 3)', 1
    FROM (  -- as v_device_limit (R19)
        SELECT session_key, session_start, user_id, product_id, team_id,
               count(DISTINCT device_id) OVER (
                   PARTITION BY user_id, product_id ORDER BY session_start
                   RANGE BETWEEN INTERVAL 30 DAY PRECEDING AND CURRENT ROW) AS devices_30d
        FROM s
    ) c
    WHERE devices_30d > 3 AND session_key IN (SELECT session_key FROM p)
    GROUP BY user_id, product_id
    UNION ALL
    SELECT 'plug-in auto-start', pl.session_start, pl.user_id, pl.product_id, pl.team_id,
           'opened ' || CAST(min(abs(epoch(pl.session_start) - epoch(h.session_start))) AS BIGINT)
               || ' s from ' || any_value(r.host), 1
    FROM p pl  -- as v_plugin_autostarts (R11): host started within 60 s, same user and device
    JOIN products pp ON pp.product_id = pl.product_id
    JOIN (SELECT DISTINCT product, host FROM stg_rates WHERE kind = 'plugin') r ON r.product = pp.product
    JOIN products hp ON hp.product = r.host
    JOIN s h ON h.product_id = hp.product_id AND h.user_id = pl.user_id AND h.device_id = pl.device_id
            AND h.session_start BETWEEN pl.session_start - INTERVAL 60 SECOND
                                    AND pl.session_start + INTERVAL 60 SECOND
    GROUP BY pl.session_key, pl.session_start, pl.user_id, pl.product_id, pl.team_id
    UNION ALL
    SELECT 'unterminated session', session_end, user_id, product_id, team_id,
           'no logout: the span ends at its last event', 1
    FROM p WHERE NOT has_logout
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
