-- The columns of an events file read by a fast path that are looked at once
-- per distinct value (distinct_events.sql), from its groups (file_groups,
-- group_events.sql), as the exact reader reads them (as_read: a CSV read
-- with its quotes as plain characters is unquoted here, once per group,
-- quoted_groups_ok.sql): the names (the fast path stands only when no row
-- is refused, so these are the accepted rows' names; team as
-- check_events.sql reads it, empty = none, R12), and the values checked
-- per distinct value (values_clean.sql): event, os, version (the instant
-- stays checked row by row: its values are nearly all distinct).
-- Grain: one row per group.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT as_read(session_id, cfg.quoted) AS session_id, as_read(user_name, cfg.quoted) AS user_name,
       nullif(as_read(team, cfg.quoted), '') AS team, as_read(product, cfg.quoted) AS product,
       as_read(device, cfg.quoted) AS device, as_read(event, cfg.quoted) AS event,
       as_read(os, cfg.quoted) AS os, as_read(version, cfg.quoted) AS version
FROM file_groups, ingest_cfg cfg;
