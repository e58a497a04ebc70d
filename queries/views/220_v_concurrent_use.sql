-- v_concurrent_use(as_of, since, until): sessions of one user x product that
-- overlap in time on different devices (int_session_findings'
-- concurrent_use, which holds the definition).
-- Rules: R19 (reported, never charged differently: R7 still merges them), R4.
-- Period: the later-started session of the pair (other_session_key) started
-- in [since, until). team_id: that session's billed team (R12).
-- Grain: one row per pair of overlapping sessions (earlier-started first).
CREATE OR REPLACE MACRO v_concurrent_use(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                         until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
SELECT user_id, product_id,
       other_session_key AS session_key, other_device_id AS device_id,
       session_key AS other_session_key, device_id AS other_device_id,
       overlap_start, overlap_end, seconds AS overlap_seconds, team_id
FROM int_session_findings(as_of, since := since, until := until)
WHERE finding = 'concurrent_use';
