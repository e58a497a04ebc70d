-- The name columns of an events file read by a fast path, straight from its
-- fields (src_native.sql): the fast path stands only when no row is refused,
-- so these are the accepted rows' names. team as check_events.sql reads it
-- (empty = none, R12). Grain: one row per data row.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT c3 AS session_id, c4 AS user_name, nullif(c5, '') AS team, c6 AS product, c8 AS device
FROM src_fields;
