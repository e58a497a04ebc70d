-- reports/explain_intervals: the active stretches of the user's sessions
-- of the product that overlap [$from, $to); the rest of each session's span
-- is idle-paused.
-- Rules: R6 (active = union of [e, min(e + 15 min, session end)] over login
-- and activity events when the version detects idleness; the whole span
-- otherwise), R18b/R7 (excluded: adds no active time to runs).
-- Grain: one row per session x active stretch, by start.
SELECT CAST(k.session_id AS VARCHAR)        AS session_id,
       CAST(i.interval_start AS TIMESTAMPTZ) AS interval_start,
       CAST(i.interval_end AS TIMESTAMPTZ)   AS interval_end,
       CAST(round(i.active_seconds) AS BIGINT) AS active_seconds,
       CAST(i.excluded AS BOOLEAN)           AS excluded
FROM int_active_intervals($as_of, since := CAST($from AS TIMESTAMPTZ),
                          until := CAST($to AS TIMESTAMPTZ)) i
JOIN sessions k ON k.session_key = i.session_key
WHERE i.user_id = $user_id AND i.product_id = $product_id
  AND ($from IS NULL OR i.interval_end >= $from)
  AND ($to IS NULL OR i.interval_start < $to)
ORDER BY interval_start, session_id;
