-- The columns of an events file read by a fast path that are looked at once
-- per distinct value (distinct_events.sql), from its groups (file_groups,
-- group_events.sql), as read: each distinct spelling is read once
-- (spellings.sql: unquoted, event and os lower-cased, an empty team none,
-- R12). The fast path stands only when no row is refused, so these are
-- the accepted rows' names, and event, os and version, checked per
-- distinct value (values_clean.sql; the instant stays checked row by row:
-- its values are nearly all distinct). Grain: one row per group.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT session_id, user_name, team, product, device, event, os, version
FROM file_groups;
