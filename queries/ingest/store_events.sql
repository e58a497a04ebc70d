-- Accepted usage events into `events` (data contract: an event's identity is
-- (session_id, event, ts); R1: ts already in UTC). Names become dictionary
-- ids. Within the file the first row of an identity wins (checked keeps the
-- file's order: its rowid); an identity already stored is a duplicate, found
-- by an anti-join (measured.md: 7-20x faster than a key with INSERT OR
-- IGNORE; written as ANTI JOIN because DuckDB turns NOT EXISTS into a mark
-- join plus a DISTINCT over all the new keys, half this query's time).
-- $1: import_id. Grain: one row per new event. Returns the rows inserted.
INSERT INTO events
SELECT k.session_key, k.ts, k.event, u.user_id, t.team_id, p.product_id,
       c.version, c.version_year, d.device_id, c.os, $1
FROM (
    SELECT min(rid) AS rid, session_key, ts, event
    FROM (
        SELECT c.rowid AS rid, s.session_key, c.ts, c.event
        FROM checked c JOIN sessions s ON s.session_id = c.session_id
        WHERE c.reason IS NULL
    ) AS keyed
    GROUP BY session_key, ts, event
) AS k
ANTI JOIN events e ON e.session_key = k.session_key AND e.event = k.event AND e.ts = k.ts
JOIN checked c ON c.rowid = k.rid
JOIN users u ON u.user_name = c.user_name
LEFT JOIN teams t ON t.team = c.team
JOIN products p ON p.product = c.product
JOIN devices d ON d.device = c.device;
