-- Accepted usage events into `events` when events_plain_ok.sql found that
-- every one is new (no identity twice in the file, none of the file's period
-- stored): names become dictionary ids, nothing else to decide. Same rows as
-- store_events.sql gives in that case (data contract: exactly once; R1: ts
-- already in UTC). $1: import_id. Grain: one row per new event. Returns the
-- rows inserted.
INSERT INTO events
SELECT s.session_key, c.ts, c.event, u.user_id, t.team_id, p.product_id,
       c.version, c.version_year, d.device_id, c.os, $1
FROM checked c
JOIN sessions s ON s.session_id = c.session_id
JOIN users u ON u.user_name = c.user_name
LEFT JOIN teams t ON t.team = c.team
JOIN products p ON p.product = c.product
JOIN devices d ON d.device = c.device
WHERE c.reason IS NULL;
