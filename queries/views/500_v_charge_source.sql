-- v_charge_source: where each charge comes from (R24, working from the
-- vendor's export alone): 'logs' for a window the engine opened from the
-- usage logs (it always has the session active at its opening, R12), 'billed'
-- for a day of the vendor's usage export that the engine turned into a charge
-- because no log covers that team and day (no session: session_key NULL).
-- The one place that tells the two apart. Reads charges, so TEMP shadows
-- (app.engine.use_results_as_of) are honoured.
-- Grain: one row per charge.
CREATE OR REPLACE VIEW v_charge_source AS
SELECT c.*, CASE WHEN c.session_key IS NULL THEN 'billed' ELSE 'logs' END AS source
FROM charges c;
