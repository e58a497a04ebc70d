-- reports/explain_rates: the product's rate history (R10: a window costs
-- the rate in force at its opening instant; R6 idle_detection_since; R11
-- plug-in and host; R18 linux). period_start of the first row is -infinity
-- (stg_rate_periods: before its first effective_from the first row applies).
-- Grain: one row per rate row of the product, oldest first.
SELECT CAST(r.name AS VARCHAR)             AS name,
       CAST(r.kind AS VARCHAR)             AS kind,
       CAST(r.host AS VARCHAR)             AS host,
       CAST(r.tokens_per_day AS BIGINT)    AS tokens_per_day,
       CAST(r.effective_from AS DATE)      AS effective_from,
       CAST(r.idle_detection_since AS SMALLINT) AS idle_detection_since,
       CAST(r.linux AS BOOLEAN)            AS linux
FROM stg_rate_periods r
WHERE r.product = $product
ORDER BY r.effective_from;
