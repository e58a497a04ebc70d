-- reports/set_tz: the reporting zone v_daily_totals groups days in (R3),
-- from --tz (UTC by default). Grain: none (session setting).
SET VARIABLE flexdash_tz = CAST(? AS VARCHAR);
