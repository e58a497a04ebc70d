-- Accepted usage events into `events` (data contract: an event's identity is
-- (session_id, event, ts), stored exactly once; R1: ts already in UTC).
-- $import_id: the import. $dedupe: whether exactly-once work is needed
-- (false when the importer's identity test and events_plain_ok.sql found
-- every accepted row new: no identity twice in the file, none of the
-- file's period stored). $same_ids: whether the file's local ids are the
-- store's (ids_unchanged.sql: a new store, typically).
-- Each branch runs only when its condition holds (a filter on a bound
-- parameter empties the other branch's scans), so a plain import does no
-- GROUP BY, no anti-join and, with $same_ids, no dictionary join.
-- Dedupe: within the file the first row of an identity wins
-- (accepted_events.rid: on the exact path the file's order; a fast path
-- stands down when the order matters, identity_conflicts.sql); an identity
-- already stored is a duplicate, found by an anti-join (measured.md: rather
-- than a key with INSERT OR IGNORE; written as ANTI JOIN because DuckDB
-- turns NOT EXISTS into a mark join plus a DISTINCT over all the new keys).
-- Local ids become the store's (file_ids) and event and os the store's
-- values (file_values.sql). Grain: one row per new event. Returns the rows
-- inserted.
INSERT INTO events
WITH kept AS (
    SELECT ts, event_l, session_l, user_l, team_l, product_l, version_l, device_l, os_l
    FROM accepted_events
    WHERE NOT $dedupe
    UNION ALL
    SELECT k.ts, c.event_l, c.session_l, c.user_l, c.team_l, c.product_l, c.version_l, c.device_l, c.os_l
    FROM (
        SELECT min(c.rid) AS rid, s.id AS session_key, c.ts, ek.event
        FROM accepted_events c
        JOIN file_ids s ON s.dict = 'sessions' AND s.local_id = c.session_l
        JOIN file_events ek ON ek.local_id = c.event_l
        WHERE $dedupe
        GROUP BY s.id, c.ts, ek.event
    ) AS k
    ANTI JOIN (SELECT session_key, event, ts FROM events WHERE $dedupe) e
        ON e.session_key = k.session_key AND e.event = k.event AND e.ts = k.ts
    JOIN checked c ON c.rowid = k.rid
)
SELECT c.session_l, c.ts, k.event, c.user_l, c.team_l, c.product_l, c.version_l, c.device_l, o.os, $import_id
FROM kept c
JOIN file_events k ON k.local_id = c.event_l
JOIN file_os o ON o.local_id = c.os_l
WHERE $same_ids
UNION ALL
SELECT s.id, c.ts, k.event, u.id, t.id, p.id, vi.id, d.id, o.os, $import_id
FROM kept c
JOIN file_ids s ON s.dict = 'sessions' AND s.local_id = c.session_l
JOIN file_ids u ON u.dict = 'users' AND u.local_id = c.user_l
LEFT JOIN file_ids t ON t.dict = 'teams' AND t.local_id = c.team_l
JOIN file_ids p ON p.dict = 'products' AND p.local_id = c.product_l
JOIN file_ids d ON d.dict = 'devices' AND d.local_id = c.device_l
JOIN file_ids vi ON vi.dict = 'versions' AND vi.local_id = c.version_l
JOIN file_events k ON k.local_id = c.event_l
JOIN file_os o ON o.local_id = c.os_l
WHERE NOT $same_ids;
