-- v_pack_state(as_of): consumed, forfeited and remaining tokens of each pack
-- as of an instant: v_pack_state_daily on the as-of day, whose instant is
-- as_of itself (R4), so the Balances chart and the reports share one model.
-- Rules: R13, R14, R15, R4 (see v_pack_state_daily).
-- Grain: one row per pack.
CREATE OR REPLACE MACRO v_pack_state(as_of) AS TABLE
SELECT * EXCLUDE (day, instant)
FROM v_pack_state_daily(as_of, CAST(CAST(as_of AS TIMESTAMPTZ) AS DATE), CAST(CAST(as_of AS TIMESTAMPTZ) AS DATE));
