-- reports/explain_runs: runs of the user and product that overlap
-- [$from, $to).
-- Rules: R7 (active time merged across sessions, devices and versions into
-- maximal continuous runs), R8 (a run of 300 s or less opens no window).
-- Grain: one row per run, by start.
SELECT CAST(r.run_no AS BIGINT)          AS run_no,
       CAST(r.run_start AS TIMESTAMPTZ)  AS run_start,
       CAST(r.run_end AS TIMESTAMPTZ)    AS run_end,
       CAST(round(r.run_seconds) AS BIGINT) AS run_seconds,
       CAST(r.sessions AS BIGINT)        AS sessions,
       CAST(r.chargeable AS BOOLEAN)     AS chargeable
FROM int_runs($as_of) r
WHERE r.user_id = $user_id AND r.product_id = $product_id
  AND ($from IS NULL OR r.run_end >= $from)
  AND ($to IS NULL OR r.run_start < $to)
ORDER BY run_start;
