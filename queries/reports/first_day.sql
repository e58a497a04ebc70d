-- reports/first_day: the day the store's history starts, as of $as_of
-- (history_first_day, R20/R21). Grain: one row.
SELECT first_day FROM history_first_day($as_of);
