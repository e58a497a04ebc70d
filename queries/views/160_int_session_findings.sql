-- int_session_findings(as_of, since, until): what the admin is shown about
-- sessions that started in [since, until) (NULL = open), one definition each.
-- Rules: R19 concurrent_use (sessions of one user x product on different
-- devices whose spans overlap: each starts before the other ends, touching
-- spans do not), R19 device_limit (a session start t at which the sessions
-- of that user x product started in [t - 30 days, t] used more than 3
-- distinct devices), R11 plugin_autostart (Decision: a plug-in session, by
-- the rate row in force at its start (R10), starting within 60 s either side
-- of a session of its host product, same user, same device; the nearest
-- host session is named), R5 unterminated (no logout), R12 (team_id: the
-- billed team of the finding's session), R4 (events up to as_of).
-- The sessions are built once for every finding, from
-- int_session_team(as_of, since - 30 days, until + 60 s): R19 looks 30 days
-- back, R11 60 s either side; a concurrent partner overlaps the period.
-- Columns: finding, session_key (the session the finding is dated by: the
-- later-started of a concurrent pair, the session start over the device
-- limit, the plug-in session, the unterminated session), user_id,
-- product_id, device_id, team_id, session_start, session_end,
-- other_session_key (concurrent: the earlier-started partner; plug-in: the
-- host session), other_device_id (concurrent), other_product_id (plug-in:
-- host product), overlap_start, overlap_end, seconds (concurrent: overlap;
-- plug-in: |delay|), devices_30d (device limit).
-- Grain: one row per finding.
CREATE OR REPLACE MACRO int_session_findings(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                             until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
WITH s AS MATERIALIZED (
    SELECT session_key, user_id, product_id, device_id, team_id, session_start, session_end,
           unterminated, product_kind, host_product
    FROM int_session_team(as_of, since := CAST(since AS TIMESTAMPTZ) - INTERVAL 30 DAY,
                          until := CAST(until AS TIMESTAMPTZ) + INTERVAL 60 SECOND)
),
p AS (
    SELECT * FROM s
    WHERE (since IS NULL OR session_start >= CAST(since AS TIMESTAMPTZ))
      AND (until IS NULL OR session_start < CAST(until AS TIMESTAMPTZ))
),
counted AS (  -- for the period's starts only: a RANGE window would count over every session read
    SELECT c.session_key, count(DISTINCT o.device_id) AS devices_30d
    FROM p c
    JOIN s o
      ON o.user_id = c.user_id AND o.product_id = c.product_id
     AND o.session_start BETWEEN c.session_start - INTERVAL 30 DAY AND c.session_start
    GROUP BY c.session_key
),
autostarts AS (
    SELECT pl.session_key,
           arg_min(h.session_key, abs(epoch(pl.session_start) - epoch(h.session_start))) AS host_session_key,
           arg_min(h.product_id, abs(epoch(pl.session_start) - epoch(h.session_start))) AS host_product_id,
           min(abs(epoch(pl.session_start) - epoch(h.session_start))) AS delay_seconds
    FROM p pl
    JOIN products hp ON hp.product = pl.host_product
    JOIN s h
      ON h.user_id = pl.user_id AND h.device_id = pl.device_id AND h.product_id = hp.product_id
     AND h.session_start BETWEEN pl.session_start - INTERVAL 60 SECOND
                             AND pl.session_start + INTERVAL 60 SECOND
    WHERE pl.product_kind = 'plugin'
    GROUP BY pl.session_key
),
found AS (
    SELECT 'concurrent_use' AS finding, b.session_key, a.session_key AS other_session_key,
           a.device_id AS other_device_id, CAST(NULL AS INTEGER) AS other_product_id,
           greatest(a.session_start, b.session_start) AS overlap_start,
           least(a.session_end, b.session_end) AS overlap_end,
           epoch(least(a.session_end, b.session_end))
               - epoch(greatest(a.session_start, b.session_start)) AS seconds,
           CAST(NULL AS INTEGER) AS devices_30d
    FROM p b
    JOIN s a
      ON a.user_id = b.user_id AND a.product_id = b.product_id
     AND a.device_id <> b.device_id
     AND (b.session_start > a.session_start
          OR (b.session_start = a.session_start AND b.session_key > a.session_key))
     AND b.session_start < a.session_end
    UNION ALL
    SELECT 'device_limit', c.session_key, NULL, NULL, NULL, NULL, NULL, NULL, c.devices_30d
    FROM counted c
    WHERE c.devices_30d > 3
    UNION ALL
    SELECT 'plugin_autostart', a.session_key, a.host_session_key, NULL, a.host_product_id,
           NULL, NULL, a.delay_seconds, NULL
    FROM autostarts a
    UNION ALL
    SELECT 'unterminated', session_key, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM p WHERE unterminated
)
SELECT CAST(f.finding AS VARCHAR) AS finding,
       CAST(f.session_key AS INTEGER) AS session_key,
       CAST(x.user_id AS INTEGER) AS user_id,
       CAST(x.product_id AS INTEGER) AS product_id,
       CAST(x.device_id AS INTEGER) AS device_id,
       CAST(x.team_id AS INTEGER) AS team_id,
       CAST(x.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(x.session_end AS TIMESTAMPTZ) AS session_end,
       CAST(f.other_session_key AS INTEGER) AS other_session_key,
       CAST(f.other_device_id AS INTEGER) AS other_device_id,
       CAST(f.other_product_id AS INTEGER) AS other_product_id,
       CAST(f.overlap_start AS TIMESTAMPTZ) AS overlap_start,
       CAST(f.overlap_end AS TIMESTAMPTZ) AS overlap_end,
       CAST(f.seconds AS DOUBLE) AS seconds,
       CAST(f.devices_30d AS INTEGER) AS devices_30d
FROM found f
JOIN p x ON x.session_key = f.session_key;
