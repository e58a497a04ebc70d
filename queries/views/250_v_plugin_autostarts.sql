-- v_plugin_autostarts(as_of, since, until): plug-in sessions opened by their
-- host's start.
-- Rules: R11 (Decision: a plug-in session starting within 60 s of a
-- session of its host product, same user, same device, is an auto-start,
-- reported as avoidable spend; it is still charged like any product), R10
-- (kind and host come from the rate row in force at the plug-in session's
-- start, int_sessions), R4 (events up to as_of).
-- "Within 60 s" = |plug-in start - host start| <= 60 s; the nearest host
-- session is named. Period: plug-in sessions started in [since, until).
-- Grain: one row per auto-started plug-in session.
CREATE OR REPLACE MACRO v_plugin_autostarts(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                            until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
WITH s AS MATERIALIZED (
    SELECT session_key, user_id, device_id, product_id, session_start, product_kind, host_product
    FROM int_sessions(as_of, since := CAST(since AS TIMESTAMPTZ) - INTERVAL 60 SECOND,
                      until := CAST(until AS TIMESTAMPTZ) + INTERVAL 60 SECOND)
)
SELECT CAST(p.session_key AS INTEGER) AS session_key,
       CAST(p.user_id AS INTEGER) AS user_id,
       CAST(p.device_id AS INTEGER) AS device_id,
       CAST(p.product_id AS INTEGER) AS product_id,
       CAST(arg_min(h.product_id, abs(epoch(p.session_start) - epoch(h.session_start))) AS INTEGER) AS host_product_id,
       CAST(arg_min(h.session_key, abs(epoch(p.session_start) - epoch(h.session_start))) AS INTEGER) AS host_session_key,
       CAST(p.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(min(abs(epoch(p.session_start) - epoch(h.session_start))) AS DOUBLE) AS delay_seconds
FROM s p
JOIN products hp ON hp.product = p.host_product
JOIN s h
  ON h.user_id = p.user_id AND h.device_id = p.device_id AND h.product_id = hp.product_id
 AND h.session_start BETWEEN p.session_start - INTERVAL 60 SECOND
                         AND p.session_start + INTERVAL 60 SECOND
WHERE p.product_kind = 'plugin'
  AND (since IS NULL OR p.session_start >= CAST(since AS TIMESTAMPTZ))
  AND (until IS NULL OR p.session_start < CAST(until AS TIMESTAMPTZ))
GROUP BY p.session_key, p.user_id, p.device_id, p.product_id, p.session_start;
