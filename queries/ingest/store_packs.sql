-- Accepted packs into `packs` (R13-R15); the first line of a pack_id wins,
-- a pack_id already stored (with the same content: conflicts were rejected
-- before) is a duplicate. $1: import_id. Grain: one row per new pack.
INSERT INTO packs
SELECT g.pack_id, t.team_id, g.tokens, g.purchased_on, g.price, g.currency, $1
FROM (
    SELECT * FROM checked WHERE reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY pack_id ORDER BY line) = 1
) AS g
JOIN teams t ON t.team = g.team
WHERE NOT EXISTS (SELECT 1 FROM packs p WHERE p.pack_id = g.pack_id);
