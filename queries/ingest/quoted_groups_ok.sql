-- An events CSV a fast path read with its quotes as plain characters
-- (ingest_cfg.quoted; app/ingest/staging.py _csv_mode): is every value of
-- its groups (group_events.sql) one the exact reader reads the same way
-- once unquoted (quoted_ok, event_checks.sql)? A quote inside a value, a
-- quoted separator or line end split by the plain reading, spaces around
-- quotes: false, and the exact reader reads the file and says which lines.
-- Looked at once per group, not per row (the instant was unquoted per row,
-- src_native.sql); the groups keep their spelling ("x" and x are two
-- groups of one value, given one local id: names_from_groups.sql,
-- event_rows_grouped.sql). Data contract "Bad input": one line is one row.
-- Grain: one row.
SELECT coalesce(bool_and(
    quoted_ok(event) AND quoted_ok(session_id) AND quoted_ok(user_name) AND quoted_ok(team)
    AND quoted_ok(product) AND quoted_ok(version) AND quoted_ok(device) AND quoted_ok(os)), true)
FROM file_groups;
