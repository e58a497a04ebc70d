-- int_sessions(as_of, since, until): one product run on one device, with its
-- span and attributes.
-- Rules: R4 (events up to as_of), R5 (span = first to last event; no logout
-- = unterminated, ending at its last event), R6 (idle_detection: the
-- session's version_year >= the product's idle_detection_since), R18 (linux
-- flag), R12b (rated = the product is in the rate table), R10/R11 (the rate
-- row in force at the session's first event gives product_kind and
-- host_product).
-- Decision: the rate row that decides idle detection, Linux support and
-- plug-in kind is the one in force at the session's first event.
-- Attributes (user, product, version, device, os) are those of the
-- session's first event; named_team_id is the first team its rows name.
-- Period: the sessions that overlap [since, until) (session_start < until
-- and session_end >= since; NULL = open). A session ends at or after since
-- exactly when it has an event in [since, as_of]: the events from since on
-- (a scan the bound prunes) and the earlier events of the sessions already
-- running at since are grouped, so each session is whole.
-- Grain: one row per session (session_key).
CREATE OR REPLACE MACRO int_sessions(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                     until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
WITH e AS (
    SELECT * FROM stg_events(as_of)
    WHERE since IS NULL OR ts >= CAST(since AS TIMESTAMPTZ)
    UNION ALL  -- the earlier events of the sessions already running at since
    SELECT * FROM stg_events(as_of)
    WHERE ts < CAST(since AS TIMESTAMPTZ)
      AND session_key IN (SELECT DISTINCT session_key FROM stg_events(as_of)
                          WHERE ts >= CAST(since AS TIMESTAMPTZ))
),
s AS (
    SELECT session_key,
           arg_min(user_id, ts) AS user_id,
           arg_min(product_id, ts) AS product_id,
           arg_min(team_id, ts) FILTER (WHERE team_id IS NOT NULL) AS named_team_id,
           arg_min(version_id, ts) AS version_id,
           arg_min(device_id, ts) AS device_id,
           arg_min(os, ts) AS os,
           min(ts) AS session_start,
           max(ts) AS session_end,
           count(*) AS events,
           bool_or(event = 'logout') AS has_logout
    FROM e
    GROUP BY session_key
)
SELECT CAST(s.session_key AS INTEGER) AS session_key,
       CAST(s.user_id AS INTEGER) AS user_id,
       CAST(s.product_id AS INTEGER) AS product_id,
       CAST(s.named_team_id AS INTEGER) AS named_team_id,
       CAST(v.version AS VARCHAR) AS version,
       CAST(v.version_year AS SMALLINT) AS version_year,
       CAST(s.device_id AS INTEGER) AS device_id,
       s.os,
       CAST(s.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(s.session_end AS TIMESTAMPTZ) AS session_end,
       CAST(epoch(s.session_end) - epoch(s.session_start) AS DOUBLE) AS span_seconds,
       CAST(s.events AS BIGINT) AS events,
       CAST(NOT s.has_logout AS BOOLEAN) AS unterminated,
       CAST(r.product IS NOT NULL AS BOOLEAN) AS rated,
       CAST(coalesce(r.idle_detection_since IS NOT NULL
                     AND v.version_year >= r.idle_detection_since, false) AS BOOLEAN) AS idle_detection,
       CAST(coalesce(r.linux, false) AS BOOLEAN) AS product_runs_on_linux,
       CAST(r.kind AS VARCHAR) AS product_kind,
       CAST(r.host AS VARCHAR) AS host_product
FROM s
JOIN versions v ON v.version_id = s.version_id
LEFT JOIN stg_rate_periods r
       ON r.product_id = s.product_id
      AND s.session_start >= r.period_start AND s.session_start < r.period_end
WHERE until IS NULL OR s.session_start < CAST(until AS TIMESTAMPTZ);
