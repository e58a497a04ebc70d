-- int_session_activity(as_of, since, until): active and idle-paused time of
-- each session of int_sessions(as_of, since, until).
-- Rules: R5 (span), R6 (idle_seconds = span - active: the time idle
-- detection paused billing; 0 for versions without idle detection).
-- Grain: one row per session.
CREATE OR REPLACE MACRO int_session_activity(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                                    until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
SELECT CAST(s.session_key AS INTEGER) AS session_key,
       CAST(s.user_id AS INTEGER) AS user_id,
       CAST(s.product_id AS INTEGER) AS product_id,
       CAST(s.device_id AS INTEGER) AS device_id,
       CAST(s.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(s.session_end AS TIMESTAMPTZ) AS session_end,
       CAST(s.span_seconds AS DOUBLE) AS span_seconds,
       CAST(coalesce(a.active_seconds, 0) AS DOUBLE) AS active_seconds,
       CAST(s.span_seconds - coalesce(a.active_seconds, 0) AS DOUBLE) AS idle_seconds,
       CAST(s.idle_detection AS BOOLEAN) AS idle_detection,
       CAST(s.unterminated AS BOOLEAN) AS unterminated
FROM int_sessions(as_of, since := since, until := until) s
LEFT JOIN (SELECT session_key, sum(active_seconds) AS active_seconds
           FROM int_active_intervals(as_of, since := since, until := until)
           GROUP BY session_key) a
       ON a.session_key = s.session_key;
