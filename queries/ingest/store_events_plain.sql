-- Accepted usage events into `events` when the importer's identity test and
-- events_plain_ok.sql found that every one is new (no identity twice in the
-- file, none of the file's period stored): local ids become the store's
-- (file_ids) and the values they stand for (file_values.sql), nothing else
-- to decide. Same rows as store_events.sql gives in that case (data
-- contract: exactly once; R1: ts already in UTC).
-- $1: import_id. Grain: one row per new event. Returns the rows inserted.
INSERT INTO events
SELECT s.id, c.ts, k.event, u.id, t.id, p.id, vi.id, d.id, o.os, $1
FROM accepted_events c
JOIN file_ids s ON s.dict = 'sessions' AND s.local_id = c.session_l
JOIN file_ids u ON u.dict = 'users' AND u.local_id = c.user_l
LEFT JOIN file_ids t ON t.dict = 'teams' AND t.local_id = c.team_l
JOIN file_ids p ON p.dict = 'products' AND p.local_id = c.product_l
JOIN file_ids d ON d.dict = 'devices' AND d.local_id = c.device_l
JOIN file_ids vi ON vi.dict = 'versions' AND vi.local_id = c.version_l
JOIN file_events k ON k.local_id = c.event_l
JOIN file_os o ON o.local_id = c.os_l;
