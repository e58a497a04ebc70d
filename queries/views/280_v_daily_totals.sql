-- v_daily_totals(as_of, tz): tokens charged per reporting day, team and product.
-- Rules: R3 (a window belongs to the calendar day of its opening instant in
-- the reporting zone tz, an IANA name, UTC by default; grouping never
-- changes what is charged), R9/R10 (windows and their tokens), R12 (billed
-- team), R4 (windows opened after as_of are not counted). Reads charges,
-- so TEMP tables made by app.engine.use_results_as_of are honoured.
-- Grain: one row per day x team_id x product_id.
CREATE OR REPLACE MACRO v_daily_totals(as_of, tz := 'UTC') AS TABLE
SELECT CAST(timezone(CAST(tz AS VARCHAR), c.window_start) AS DATE) AS day,
       c.team_id, c.product_id,
       CAST(count(DISTINCT c.user_id) AS BIGINT) AS users,
       CAST(count(*) AS BIGINT) AS windows,
       CAST(sum(c.tokens) AS BIGINT) AS tokens
FROM charges c
WHERE c.window_start <= CAST(as_of AS TIMESTAMPTZ)
GROUP BY ALL;
