-- reports/explain_sessions: the sessions of one user and product that
-- overlap [$from, $to) (NULL: unbounded), events up to $as_of (R4).
-- Rules: R5 (span, unterminated), R6 (active / idle-paused seconds, idle
-- detection by version), R12 (billed team and how it was found), R12b, R17,
-- R18, R18b (the one exclusion reason; an excluded session adds no active
-- time, R7).
-- Grain: one row per session, by start.
SELECT CAST(k.session_id AS VARCHAR)      AS session_id,
       CAST(d.device AS VARCHAR)          AS device,
       CAST(s.version AS VARCHAR)         AS version,
       CAST(s.os AS VARCHAR)              AS os,
       CAST(t.team AS VARCHAR)            AS team,
       CAST(st.team_source AS VARCHAR)    AS team_source,
       CAST(s.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(s.session_end AS TIMESTAMPTZ)   AS session_end,
       CAST(round(a.span_seconds) AS BIGINT)   AS span_seconds,
       CAST(round(a.active_seconds) AS BIGINT) AS active_seconds,
       CAST(round(a.span_seconds) - round(a.active_seconds) AS BIGINT) AS idle_seconds,
       CAST(s.idle_detection AS BOOLEAN)  AS idle_detection,
       CAST(s.unterminated AS BOOLEAN)    AS unterminated,
       CAST(st.exclusion_reason AS VARCHAR) AS exclusion_reason,
       CAST(s.session_key AS INTEGER)     AS session_key
FROM int_sessions($as_of, since := CAST($from AS TIMESTAMPTZ), until := CAST($to AS TIMESTAMPTZ)) s
JOIN int_session_activity($as_of, since := CAST($from AS TIMESTAMPTZ), until := CAST($to AS TIMESTAMPTZ)) a
  ON a.session_key = s.session_key
JOIN int_session_team($as_of, since := CAST($from AS TIMESTAMPTZ), until := CAST($to AS TIMESTAMPTZ)) st
  ON st.session_key = s.session_key
JOIN sessions k             ON k.session_key = s.session_key
JOIN devices d              ON d.device_id = s.device_id
LEFT JOIN teams t           ON t.team_id = st.team_id
WHERE s.user_id = $user_id AND s.product_id = $product_id
  AND ($from IS NULL OR s.session_end >= $from)
  AND ($to IS NULL OR s.session_start < $to)
ORDER BY session_start, session_id;
