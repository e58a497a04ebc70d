-- v_device_limit(as_of, since, until): users using one product on more than
-- three distinct devices within 30 days (int_session_findings'
-- device_limit, which holds the definition).
-- Rules: R19 (reported only; charging unchanged), R4.
-- Period: session starts t in [since, until); the sessions counted reach 30
-- days before since. team_id: the session's billed team (R12).
-- Grain: one row per session start at which the limit is exceeded.
CREATE OR REPLACE MACRO v_device_limit(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                       until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
SELECT user_id, product_id, session_key,
       CAST(session_start - INTERVAL 30 DAY AS TIMESTAMPTZ) AS period_start,
       session_start AS period_end, devices_30d, team_id
FROM int_session_findings(as_of, since := since, until := until)
WHERE finding = 'device_limit';
