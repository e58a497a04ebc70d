-- int_active_intervals(as_of, since, until): the stretches of a session that
-- count as active use, for int_session_team's sessions (events up to as_of).
-- Rules: R6. With idle detection (int_sessions.idle_detection) a session is
-- active over the union of [e, min(e + 15 min, session end)] for its login
-- and activity events e: two such events at most 900 s apart (an idle gap
-- of exactly 15:00 included) belong to one continuous interval. Without
-- idle detection the whole span [first event, last event] is active (R5).
-- excluded: the session has an exclusion reason (R18b) and adds no active
-- time to runs (R7); its intervals are still listed for the idle summary.
-- Grain: one row per session x active interval.
CREATE OR REPLACE MACRO int_active_intervals(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                                    until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
WITH st AS MATERIALIZED (
    SELECT * FROM int_session_team(as_of, since := since, until := until)
),
meaningful AS (
    SELECT e.session_key, e.ts,
           CASE WHEN e.ts - lag(e.ts) OVER w > INTERVAL 900 SECOND THEN 1 ELSE 0 END AS breaks
    FROM stg_events(as_of) e
    WHERE e.event IN ('login', 'activity')
      AND e.session_key IN (SELECT session_key FROM st WHERE idle_detection)
    WINDOW w AS (PARTITION BY e.session_key ORDER BY e.ts)
),
islands AS (
    SELECT session_key, ts,
           sum(breaks) OVER (PARTITION BY session_key ORDER BY ts
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
    FROM meaningful
),
idle_detecting AS (
    SELECT session_key, min(ts) AS interval_start, max(ts) AS last_meaningful
    FROM islands
    GROUP BY session_key, island
),
all_intervals AS (
    SELECT i.session_key, i.interval_start,
           least(i.last_meaningful + INTERVAL 900 SECOND, st.session_end) AS interval_end
    FROM idle_detecting i JOIN st ON st.session_key = i.session_key
    UNION ALL
    SELECT session_key, session_start, session_end FROM st WHERE NOT idle_detection
)
SELECT CAST(a.session_key AS INTEGER) AS session_key,
       CAST(t.user_id AS INTEGER) AS user_id,
       CAST(t.product_id AS INTEGER) AS product_id,
       CAST(t.team_id AS INTEGER) AS team_id,
       CAST(t.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(a.interval_start AS TIMESTAMPTZ) AS interval_start,
       CAST(a.interval_end AS TIMESTAMPTZ) AS interval_end,
       CAST(epoch(a.interval_end) - epoch(a.interval_start) AS DOUBLE) AS active_seconds,
       CAST(t.exclusion_reason IS NOT NULL AS BOOLEAN) AS excluded
FROM all_intervals a
JOIN st t ON t.session_key = a.session_key;
