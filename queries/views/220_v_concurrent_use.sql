-- v_concurrent_use: sessions of one user x product that overlap in time on
-- different devices.
-- Rules: R19 (reported, never charged differently: R7 still merges them).
-- Two spans overlap when each starts before the other ends (touching
-- spans do not overlap).
-- Grain: one row per pair of overlapping sessions (earlier-started first).
CREATE OR REPLACE VIEW v_concurrent_use AS
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
FROM int_sessions a
JOIN int_sessions b
  ON b.user_id = a.user_id AND b.product_id = a.product_id
 AND b.device_id <> a.device_id
 AND (b.session_start > a.session_start
      OR (b.session_start = a.session_start AND b.session_key > a.session_key))
 AND b.session_start < a.session_end;
