-- dashboard/alerts: everything an admin should look at, one row per finding.
-- Rules: R16/R17/R18/R12 (denials, from the engine's denials table), R19
-- (concurrent use on several devices; more than three devices for a user
-- and product within 30 days), R12 (users assigned to several teams), R11
-- (plug-ins auto-started within 60 s of their host on the same device), R5
-- (sessions with no logout: unterminated).
-- Grain: one row per alert; kind says which.
-- $as_of (R4), $team (NULL: all), $since/$until half-open instants (NULL: open).
WITH ev AS (
    SELECT * FROM events
    WHERE ts <= $as_of
      AND ($since IS NULL OR ts >= $since)
      AND ($until IS NULL OR ts < $until)
), s AS (  -- R5: a session spans its first to its last event
    SELECT session_key, any_value(user_id) AS user_id, any_value(product_id) AS product_id,
           any_value(team_id) AS team_id, any_value(device_id) AS device_id,
           min(ts) AS first_ts, max(ts) AS last_ts,
           bool_or(event = 'logout') AS has_logout
    FROM ev GROUP BY session_key
), found AS (
    SELECT 'denied: ' || d.reason AS kind, d.ts, d.user_id, d.product_id, d.team_id,
           CAST(NULL AS VARCHAR) AS detail
    FROM denials d
    WHERE d.ts <= $as_of
      AND ($since IS NULL OR d.ts >= $since)
      AND ($until IS NULL OR d.ts < $until)
    UNION ALL
    SELECT 'concurrent use', b.first_ts, b.user_id, b.product_id, b.team_id,
           'also open on ' || string_agg(DISTINCT dv.device, ', ')
    FROM s a
    JOIN s b ON a.user_id = b.user_id AND a.product_id = b.product_id
            AND a.device_id <> b.device_id
            AND a.first_ts <= b.first_ts AND b.first_ts < a.last_ts
            AND a.session_key <> b.session_key
    JOIN devices dv ON dv.device_id = a.device_id
    GROUP BY b.session_key, b.first_ts, b.user_id, b.product_id, b.team_id
    UNION ALL
    SELECT 'device limit', min(first_ts), user_id, product_id, any_value(team_id),
           max(devices) || ' devices within 30 days'
    FROM (
        SELECT a.session_key, a.first_ts, a.user_id, a.product_id, a.team_id,
               count(DISTINCT b.device_id) AS devices
        FROM s a
        JOIN s b ON a.user_id = b.user_id AND a.product_id = b.product_id
                AND b.first_ts > a.first_ts - INTERVAL 30 DAY AND b.first_ts <= a.first_ts
        GROUP BY ALL
    ) WHERE devices > 3
    GROUP BY user_id, product_id
    UNION ALL
    SELECT 'plug-in auto-start', pl.first_ts, pl.user_id, pl.product_id, pl.team_id,
           'opened with ' || r.host
    FROM s pl
    JOIN products pp ON pp.product_id = pl.product_id
    JOIN (SELECT DISTINCT product, host FROM stg_rates WHERE kind = 'plugin') r ON r.product = pp.product
    JOIN products hp ON hp.product = r.host
    WHERE EXISTS (SELECT 1 FROM s h
                  WHERE h.product_id = hp.product_id AND h.user_id = pl.user_id
                    AND h.device_id = pl.device_id
                    AND pl.first_ts >= h.first_ts
                    AND pl.first_ts <= h.first_ts + INTERVAL 60 SECOND)
    UNION ALL
    SELECT 'unterminated session', last_ts, user_id, product_id, team_id,
           'no logout; last event at ' || strftime(last_ts, '%Y-%m-%dT%H:%M:%SZ')
    FROM s WHERE NOT has_logout
    UNION ALL
    SELECT 'several teams', NULL, m.user_id,
           (SELECT arg_max(c.product_id, c.window_start) FROM charges c WHERE c.user_id = m.user_id),
           NULL, 'in teams ' || string_agg(DISTINCT t.team, ', ' ORDER BY t.team)
    FROM (SELECT user_id, team_id FROM assignments
          UNION SELECT DISTINCT user_id, team_id FROM ev WHERE team_id IS NOT NULL) m
    JOIN teams t USING (team_id)
    GROUP BY m.user_id
    HAVING count(DISTINCT m.team_id) > 1
)
SELECT CAST(f.kind AS VARCHAR) AS kind, f.ts, CAST(u.user_name AS VARCHAR) AS user,
       CAST(p.product AS VARCHAR) AS product, CAST(t.team AS VARCHAR) AS team,
       CAST(coalesce(f.detail, '') AS VARCHAR) AS detail
FROM found f
JOIN users u USING (user_id)
LEFT JOIN products p USING (product_id)
LEFT JOIN teams t USING (team_id)
WHERE $team IS NULL OR t.team = $team OR (f.team_id IS NULL AND f.kind = 'several teams'
      AND f.user_id IN (SELECT user_id FROM assignments a JOIN teams ta USING (team_id) WHERE ta.team = $team))
ORDER BY f.ts DESC NULLS FIRST, kind, user;
