-- Rows read and rows rejected in an events file's `checked`
-- (stage_events.sql: a row holds a list of instants, one per data row).
-- Grain: one row.
SELECT coalesce(sum(len(ts_list)), 0) AS rows, count(reason) AS rejected FROM checked;
