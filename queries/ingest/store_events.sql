-- Accepted usage events into `events` (data contract: an event's identity is
-- (session_id, event, ts); R1: ts already in UTC). Local ids become the
-- store's (file_ids) and the values they stand for (file_values.sql).
-- Within the file the first row of an identity wins (accepted_events.rid:
-- on the exact path the file's order; a fast path stands down when the
-- order matters, identity_conflicts.sql); an identity already stored
-- is a duplicate, found by an anti-join (measured.md: 7-20x faster than a
-- key with INSERT OR IGNORE; written as ANTI JOIN because DuckDB turns NOT
-- EXISTS into a mark join plus a DISTINCT over all the new keys).
-- $1: import_id. Grain: one row per new event. Returns the rows inserted.
INSERT INTO events
SELECT k.session_key, k.ts, k.event, u.id, t.id, p.id, vi.id, d.id, o.os, $1
FROM (
    SELECT min(c.rid) AS rid, s.id AS session_key, c.ts, ek.event
    FROM accepted_events c
    JOIN file_ids s ON s.dict = 'sessions' AND s.local_id = c.session_l
    JOIN file_events ek ON ek.local_id = c.event_l
    GROUP BY s.id, c.ts, ek.event
) AS k
ANTI JOIN events e ON e.session_key = k.session_key AND e.event = k.event AND e.ts = k.ts
JOIN checked c ON c.rowid = k.rid
JOIN file_ids u ON u.dict = 'users' AND u.local_id = c.user_l
LEFT JOIN file_ids t ON t.dict = 'teams' AND t.local_id = c.team_l
JOIN file_ids p ON p.dict = 'products' AND p.local_id = c.product_l
JOIN file_ids d ON d.dict = 'devices' AND d.local_id = c.device_l
JOIN file_ids vi ON vi.dict = 'versions' AND vi.local_id = c.version_l
JOIN file_os o ON o.local_id = c.os_l;
