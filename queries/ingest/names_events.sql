-- The names of an events file, one local dictionary per name column
-- (sessions, users, teams, products, devices): each name gets a local id,
-- which the staged rows carry instead of the text (stage_events.sql). The
-- store's ids are given only in the final transaction (dict_*.sql, then
-- file_ids.sql), so staging needs no store and no lock (issue 2), and the
-- 10 M-row staging table holds integers, not text (text cost ~7 s more).
-- One GROUP BY GROUPING SETS pass: parallel, where list(DISTINCT) ran on one
-- thread. Reads event_name_fields (names_from_fields.sql or
-- names_from_judged.sql). Grain: one row per (dictionary, name).
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT dict, name, CAST(row_number() OVER (PARTITION BY dict) AS INTEGER) AS local_id
FROM (
    SELECT CASE GROUPING(session_id, user_name, team, product, device)
               WHEN 15 THEN 'sessions' WHEN 23 THEN 'users' WHEN 27 THEN 'teams'
               WHEN 29 THEN 'products' WHEN 30 THEN 'devices'
           END AS dict,
           coalesce(session_id, user_name, team, product, device) AS name
    FROM event_name_fields
    GROUP BY GROUPING SETS ((session_id), (user_name), (team), (product), (device))
) AS g
WHERE name IS NOT NULL;
