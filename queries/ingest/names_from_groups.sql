-- The columns of an events file read by a fast path that are looked at once
-- per distinct value (distinct_events.sql), from its groups (file_groups,
-- group_events.sql; a CSV read with its quotes as plain characters has
-- them unquoted by then, unquote_groups.sql): the names (the fast path stands only when no row
-- is refused, so these are the accepted rows' names; team as
-- check_events.sql reads it, empty = none, R12), and the values checked
-- per distinct value (values_clean.sql): event, os, version (the instant
-- stays checked row by row: its values are nearly all distinct).
-- Grain: one row per group.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT session_id, user_name, nullif(team, '') AS team, product, device, event, os, version
FROM file_groups;
