-- The columns of an events file read by a fast path that are looked at once
-- per distinct value (distinct_events.sql), straight from its fields
-- (src_native.sql): the names (the fast path stands only when no row is
-- refused, so these are the accepted rows' names; team as
-- check_events.sql reads it, empty = none, R12), and the values checked
-- per distinct value (values_clean.sql): event, os, version (the instant
-- stays checked row by row: as distinct heads and tails it cost more).
-- Grain: one row per data row.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT c3 AS session_id, c4 AS user_name, nullif(c5, '') AS team, c6 AS product, c8 AS device,
       c2 AS event, c9 AS os, c7 AS version
FROM src_fields;
