-- v_concurrent_use(as_of, since, until): sessions of one user x product that
-- overlap in time on different devices.
-- Rules: R19 (reported, never charged differently: R7 still merges them),
-- R4 (events up to as_of).
-- Two spans overlap when each starts before the other ends (touching
-- spans do not overlap). Period: the later-started session of the pair
-- (other_session_key) started in [since, until); its partner overlaps the
-- period, so int_sessions(as_of, since, until) holds both.
-- Grain: one row per pair of overlapping sessions (earlier-started first).
CREATE OR REPLACE MACRO v_concurrent_use(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                         until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
WITH s AS MATERIALIZED (
    SELECT session_key, user_id, product_id, device_id, session_start, session_end
    FROM int_sessions(as_of, since := since, until := until)
)
SELECT CAST(a.user_id AS INTEGER) AS user_id,
       CAST(a.product_id AS INTEGER) AS product_id,
       CAST(a.session_key AS INTEGER) AS session_key,
       CAST(a.device_id AS INTEGER) AS device_id,
       CAST(b.session_key AS INTEGER) AS other_session_key,
       CAST(b.device_id AS INTEGER) AS other_device_id,
       CAST(greatest(a.session_start, b.session_start) AS TIMESTAMPTZ) AS overlap_start,
       CAST(least(a.session_end, b.session_end) AS TIMESTAMPTZ) AS overlap_end,
       CAST(epoch(least(a.session_end, b.session_end))
            - epoch(greatest(a.session_start, b.session_start)) AS DOUBLE) AS overlap_seconds
FROM s a
JOIN s b
  ON b.user_id = a.user_id AND b.product_id = a.product_id
 AND b.device_id <> a.device_id
 AND (b.session_start > a.session_start
      OR (b.session_start = a.session_start AND b.session_key > a.session_key))
 AND b.session_start < a.session_end
WHERE since IS NULL OR b.session_start >= CAST(since AS TIMESTAMPTZ);
