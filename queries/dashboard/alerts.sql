-- dashboard/alerts: everything an admin should look at, one row per finding,
-- read from the engine's tables and report views (no rule re-implemented here).
-- Rules: R16/R17/R18/R12/R12b (denials, grouped per day, user, product and
-- reason), R19 (v_concurrent_use, v_device_limit), R12 (v_multi_team_users),
-- R11 (v_plugin_autostarts), R5 (int_sessions.unterminated).
-- The team shown is the session's billed team (int_session_team, R12).
-- Grain: one row per alert; `kind` says which; `ts` is when it happened
-- (NULL for "several teams", which is not tied to an instant).
-- $as_of (R4, through the views' as-of), $team (NULL: all),
-- $since/$until: half-open instants (NULL: open).
WITH in_period AS (
    SELECT session_key FROM int_sessions
    WHERE ($since IS NULL OR session_start >= $since)
      AND ($until IS NULL OR session_start < $until)
), found AS (
    SELECT 'denied: ' || d.reason AS kind, min(d.ts) AS ts, d.user_id, d.product_id, d.team_id,
           CASE WHEN count(*) > 1 THEN count(*) || ' times that day' ELSE '' END AS detail
    FROM denials d
    WHERE d.ts <= $as_of
      AND ($since IS NULL OR d.ts >= $since)
      AND ($until IS NULL OR d.ts < $until)
    GROUP BY CAST(d.ts AS DATE), d.user_id, d.product_id, d.team_id, d.reason
    UNION ALL
    SELECT 'concurrent use', c.overlap_start, c.user_id, c.product_id, st.team_id,
           'on ' || da.device || ' and ' || db.device || ' for '
               || CAST(round(c.overlap_seconds / 60) AS BIGINT) || ' min'
    FROM v_concurrent_use c
    JOIN devices da ON da.device_id = c.device_id
    JOIN devices db ON db.device_id = c.other_device_id
    LEFT JOIN int_session_team st ON st.session_key = c.other_session_key
    WHERE c.other_session_key IN (SELECT session_key FROM in_period)
    UNION ALL
    SELECT 'device limit', min(v.period_end), v.user_id, v.product_id, any_value(st.team_id),
           max(v.devices_30d) || ' devices within 30 days (limit 3)'
    FROM v_device_limit v
    LEFT JOIN int_session_team st ON st.session_key = v.session_key
    WHERE v.session_key IN (SELECT session_key FROM in_period)
    GROUP BY v.user_id, v.product_id
    UNION ALL
    SELECT 'plug-in auto-start', a.session_start, a.user_id, a.product_id, st.team_id,
           'opened ' || CAST(round(a.delay_seconds) AS BIGINT) || ' s from ' || hp.product
    FROM v_plugin_autostarts a
    JOIN products hp ON hp.product_id = a.host_product_id
    LEFT JOIN int_session_team st ON st.session_key = a.session_key
    WHERE a.session_key IN (SELECT session_key FROM in_period)
    UNION ALL
    SELECT 'unterminated session', s.session_end, s.user_id, s.product_id, st.team_id,
           'no logout: the span ends at its last event'
    FROM int_sessions s
    LEFT JOIN int_session_team st USING (session_key)
    WHERE s.unterminated AND s.session_key IN (SELECT session_key FROM in_period)
    UNION ALL
    SELECT 'several teams', NULL, m.user_id,
           (SELECT arg_max(c.product_id, c.window_start) FROM charges c WHERE c.user_id = m.user_id),
           NULL, 'assigned in teams ' || m.team_names
    FROM v_multi_team_users m
)
SELECT CAST(f.kind AS VARCHAR) AS kind, f.ts, CAST(u.user_name AS VARCHAR) AS user,
       CAST(p.product AS VARCHAR) AS product, CAST(t.team AS VARCHAR) AS team,
       CAST(coalesce(f.detail, '') AS VARCHAR) AS detail
FROM found f
JOIN users u USING (user_id)
LEFT JOIN products p USING (product_id)
LEFT JOIN teams t USING (team_id)
WHERE $team IS NULL OR t.team = $team
   OR (f.kind = 'several teams' AND f.user_id IN (
        SELECT a.user_id FROM assignments a JOIN teams ta USING (team_id) WHERE ta.team = $team))
ORDER BY f.ts DESC NULLS FIRST, kind, user, product;
