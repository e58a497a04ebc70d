-- dashboard/store_state: is there anything to show? (an empty store shows how
-- to import instead of an empty grid). Rules: none. Grain: one row.
SELECT (SELECT count(*) FROM imports)  AS imports,
       (SELECT count(*) FROM packs)    AS packs,
       (SELECT count(*) FROM charges)  AS charges,
       (SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)) AS has_events;
