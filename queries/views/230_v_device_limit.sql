-- v_device_limit(as_of, since, until): users using one product on more than
-- three distinct devices within 30 days.
-- Rules: R19 (reported only; charging unchanged), R4 (events up to as_of).
-- For each session start t, the distinct devices of the sessions of that
-- user x product that started in [t - 30 days, t]; flagged when above 3.
-- Period: session starts t in [since, until); the sessions counted reach 30
-- days before since.
-- Grain: one row per session start at which the limit is exceeded.
CREATE OR REPLACE MACRO v_device_limit(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                       until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
WITH counted AS (
    SELECT user_id, product_id, session_key, session_start,
           count(DISTINCT device_id) OVER (
               PARTITION BY user_id, product_id ORDER BY session_start
               RANGE BETWEEN INTERVAL 30 DAY PRECEDING AND CURRENT ROW) AS devices_30d
    FROM int_sessions(as_of, since := CAST(since AS TIMESTAMPTZ) - INTERVAL 30 DAY, until := until)
)
SELECT CAST(user_id AS INTEGER) AS user_id,
       CAST(product_id AS INTEGER) AS product_id,
       CAST(session_key AS INTEGER) AS session_key,
       CAST(session_start - INTERVAL 30 DAY AS TIMESTAMPTZ) AS period_start,
       CAST(session_start AS TIMESTAMPTZ) AS period_end,
       CAST(devices_30d AS INTEGER) AS devices_30d
FROM counted
WHERE devices_30d > 3
  AND (since IS NULL OR session_start >= CAST(since AS TIMESTAMPTZ));
