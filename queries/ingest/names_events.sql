-- The names of an events file, one local dictionary per name column
-- (sessions, users, teams, products, devices; and events, os, versions:
-- the staged rows carry their local ids, and what they stand for is
-- looked up once per value when stored, file_values.sql), from its
-- distinct values
-- (file_spellings, spellings.sql: each distinct value as it reads): each
-- name gets a local id, which the staged rows carry instead of the text
-- (stage_events.sql, by spelling). The store's
-- ids are given only in the final transaction (dict_names.sql, then
-- file_ids.sql), so staging needs no store and no lock (issue 2), and the
-- staging table, one row per line or group, holds integers, not text.
-- Local ids follow name order, as the store's new ids do (dict_names.sql): in
-- a new store the first file's local ids are the store's ids, and
-- store_events.sql needs no join ($same_ids, ids_unchanged.sql).
-- Grain: one row per (dictionary, name).
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT dict, name, CAST(row_number() OVER (PARTITION BY dict ORDER BY name) AS INTEGER) AS local_id
FROM (
    -- two spellings of one value ("x" and x, Login and login) are one name
    SELECT DISTINCT dict, name
    FROM file_spellings
    WHERE dict IN ('sessions', 'users', 'teams', 'products', 'devices', 'events', 'os', 'versions')
      AND name IS NOT NULL
) AS n;
