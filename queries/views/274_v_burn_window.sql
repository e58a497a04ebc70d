-- v_burn_window(as_of, days): the charges a burn over the trailing `days`
-- days counts.
-- Rules: R21 (window_start in (as_of - days, as_of]: a window opened exactly
-- `days` days before as_of is out), R12 (billed team), R4. v_burn sums it;
-- the forecast reads its rows. Reads charges, so TEMP tables made by
-- app.engine.use_results_as_of count.
-- Grain: one row per charge.
CREATE OR REPLACE MACRO v_burn_window(as_of, days := 30) AS TABLE
SELECT c.charge_id, c.window_start, c.window_end, c.user_id, c.product_id, c.team_id, c.tokens,
       c.session_key
FROM charges c
WHERE c.window_start > CAST(as_of AS TIMESTAMPTZ) - to_days(CAST(days AS INTEGER))
  AND c.window_start <= CAST(as_of AS TIMESTAMPTZ);
