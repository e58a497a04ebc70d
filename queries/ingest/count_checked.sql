-- Rows read and rows rejected in `checked`. Grain: one row.
SELECT count(*) AS rows, count(reason) AS rejected FROM checked;
