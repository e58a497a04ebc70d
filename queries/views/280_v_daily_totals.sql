-- v_daily_totals: tokens charged per reporting day, team and product.
-- Rules: R3 (a window belongs to the calendar day of its opening instant in
-- the reporting zone; grouping never changes what is charged), R9/R10
-- (windows and their tokens), R12 (billed team), R4 (windows opened after
-- the session variable `flexdash_as_of` are not counted; unset: all).
-- The zone is the session variable `flexdash_tz` (an IANA name; unset:
-- UTC), set by app/reports/runner.py from --tz. Reads charges, so TEMP
-- tables made by app.engine.use_results_as_of are honoured.
-- Grain: one row per day x team_id x product_id.
CREATE OR REPLACE VIEW v_daily_totals AS
SELECT CAST(timezone(coalesce(CAST(getvariable('flexdash_tz') AS VARCHAR), 'UTC'), c.window_start) AS DATE) AS day,
       c.team_id, c.product_id,
       CAST(count(DISTINCT c.user_id) AS BIGINT) AS users,
       CAST(count(*) AS BIGINT) AS windows,
       CAST(sum(c.tokens) AS BIGINT) AS tokens
FROM charges c
WHERE c.window_start <= coalesce(CAST(getvariable('flexdash_as_of') AS TIMESTAMPTZ), c.window_start)
GROUP BY ALL;
