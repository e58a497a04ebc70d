-- An events CSV a fast path read with its quotes as plain characters
-- (ingest_cfg.quoted; app/ingest/staging.py _csv_mode): is every distinct
-- value of its groups (file_distinct, distinct_events.sql; group_events.sql)
-- one the exact reader reads the same way once unquoted (quoted_ok,
-- event_checks.sql)? A quote inside a value, a quoted separator or line
-- end split by the plain reading, spaces around quotes: false, and the
-- exact reader reads the file and says which lines. Looked at once per
-- distinct value (the instant was unquoted row by row, src_native.sql);
-- spellings.sql then unquotes them. Data contract "Bad input": one line is
-- one row. Grain: one row.
SELECT coalesce(bool_and(quoted_ok(name)), true)
FROM file_distinct;
