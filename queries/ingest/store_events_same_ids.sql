-- store_events_plain.sql when the file's local ids are the store's ids
-- (ids_unchanged.sql: a new store, typically): the same rows, with the
-- staged ids stored as they are; only event and os are looked up
-- (file_values.sql). Data contract: exactly once (events_plain_ok.sql
-- found every row new); R1: ts already in UTC.
-- $1: import_id. Grain: one row per new event.
-- Returns the rows inserted.
INSERT INTO events
SELECT c.session_l, c.ts, k.event, c.user_l, c.team_l, c.product_l, c.version_l, c.device_l, o.os, $1
FROM accepted_events c
JOIN file_events k ON k.local_id = c.event_l
JOIN file_os o ON o.local_id = c.os_l;
