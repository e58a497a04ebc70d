-- int_runs(as_of): maximal continuous stretches of active use per user x
-- product, from every session up to as_of (a run may join any of them).
-- Rules: R7 (active intervals of all non-excluded sessions merged across
-- sessions, devices and versions; intervals that touch or overlap form one
-- run), R8 (runs of 300 s or less can open no window: chargeable flag).
-- The engine (app/engine) computes the same runs in numpy; this view is
-- for reports and `flexdash explain`.
-- Grain: one row per user x product x run.
CREATE OR REPLACE MACRO int_runs(as_of) AS TABLE
WITH i AS (
    SELECT user_id, product_id, session_key, interval_start, interval_end,
           max(interval_end) OVER (PARTITION BY user_id, product_id
                                   ORDER BY interval_start, interval_end
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
    FROM int_active_intervals(as_of)
    WHERE NOT excluded
),
numbered AS (
    SELECT *, sum(CASE WHEN reach IS NULL OR interval_start > reach THEN 1 ELSE 0 END)
                  OVER (PARTITION BY user_id, product_id ORDER BY interval_start, interval_end
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run_no
    FROM i
)
SELECT CAST(user_id AS INTEGER) AS user_id,
       CAST(product_id AS INTEGER) AS product_id,
       CAST(run_no AS INTEGER) AS run_no,
       CAST(min(interval_start) AS TIMESTAMPTZ) AS run_start,
       CAST(max(interval_end) AS TIMESTAMPTZ) AS run_end,
       CAST(epoch(max(interval_end)) - epoch(min(interval_start)) AS DOUBLE) AS run_seconds,
       CAST(count(DISTINCT session_key) AS INTEGER) AS sessions,
       CAST(epoch(max(interval_end)) - epoch(min(interval_start)) > 300 AS BOOLEAN) AS chargeable
FROM numbered
GROUP BY user_id, product_id, run_no;
