-- dashboard/alerts: everything an admin should look at, one row per finding.
-- Rules: R16/R17/R18/R12/R12b (the engine's denials, grouped per day, user,
-- product and reason), R19 (v_concurrent_use, v_device_limit), R12
-- (v_multi_team_users; every finding about a session names its billed team,
-- int_session_team), R11 (v_plugin_autostarts: the rate row in force at the
-- plug-in session's start), R5 (unterminated sessions).
-- The models take the period, so only the sessions alive in it (and, for
-- R19's device count, the 30 days before it) are built.
-- Grain: one row per alert; `kind` says which; `ts` is when it happened
-- (NULL for "several teams", which is not tied to an instant); `times`: the
-- denials a row groups (one user, product and day), 1 for other kinds.
-- $as_of (R4), $team (NULL: all), $since/$until: half-open instants (NULL: open).
WITH st AS MATERIALIZED (  -- the billed team of every session alive in the period
    SELECT session_key, team_id, session_start, session_end, user_id, product_id, unterminated
    FROM int_session_team(CAST($as_of AS TIMESTAMPTZ), since := CAST($since AS TIMESTAMPTZ),
                          until := CAST($until AS TIMESTAMPTZ))
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
    SELECT 'concurrent use', b.session_start, c.user_id, c.product_id, b.team_id,
           'on ' || da.device || ' and ' || db.device || ' for '
               || CAST(round((epoch(c.overlap_end) - epoch(c.overlap_start)) / 60) AS BIGINT)
               || ' min', 1
    FROM v_concurrent_use(CAST($as_of AS TIMESTAMPTZ), since := CAST($since AS TIMESTAMPTZ),
                          until := CAST($until AS TIMESTAMPTZ)) c
    JOIN st b ON b.session_key = c.other_session_key
    JOIN devices da ON da.device_id = c.device_id
    JOIN devices db ON db.device_id = c.other_device_id
    UNION ALL
    SELECT 'device limit', min(l.period_end), l.user_id, l.product_id, arg_min(s.team_id, l.period_end),
           max(l.devices_30d) || ' devices within 30 days (limit 3)', 1
    FROM v_device_limit(CAST($as_of AS TIMESTAMPTZ), since := CAST($since AS TIMESTAMPTZ),
                        until := CAST($until AS TIMESTAMPTZ)) l
    JOIN st s ON s.session_key = l.session_key
    GROUP BY l.user_id, l.product_id
    UNION ALL
    SELECT 'plug-in auto-start', a.session_start, a.user_id, a.product_id, s.team_id,
           'opened ' || CAST(a.delay_seconds AS BIGINT) || ' s from ' || hp.product, 1
    FROM v_plugin_autostarts(CAST($as_of AS TIMESTAMPTZ), since := CAST($since AS TIMESTAMPTZ),
                             until := CAST($until AS TIMESTAMPTZ)) a
    JOIN products hp ON hp.product_id = a.host_product_id
    JOIN st s ON s.session_key = a.session_key
    UNION ALL
    SELECT 'unterminated session', session_end, user_id, product_id, team_id,
           'no logout: the span ends at its last event', 1
    FROM st
    WHERE unterminated
      AND ($since IS NULL OR session_start >= CAST($since AS TIMESTAMPTZ))
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
