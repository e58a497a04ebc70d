-- The distinct values of an events file, per column, in one GROUP BY
-- GROUPING SETS pass over event_name_fields (names_from_groups.sql or
-- names_from_judged.sql): parallel, where list(DISTINCT) ran on one thread.
-- The names become the file's local dictionaries (names_events.sql); a fast
-- path checks the values once each (values_clean.sql) instead of in every
-- row. NULL is kept as a value (name NULL): a NULL name enters no
-- dictionary, a NULL value fails its check. Grain: one row per (column,
-- distinct value).
CREATE OR REPLACE TEMP TABLE file_distinct AS
SELECT CASE WHEN GROUPING(session_id) = 0 THEN 'sessions'
            WHEN GROUPING(user_name) = 0 THEN 'users'
            WHEN GROUPING(team) = 0 THEN 'teams'
            WHEN GROUPING(product) = 0 THEN 'products'
            WHEN GROUPING(device) = 0 THEN 'devices'
            WHEN GROUPING(event) = 0 THEN 'events'
            WHEN GROUPING(os) = 0 THEN 'os'
            WHEN GROUPING(version) = 0 THEN 'versions'
       END AS dict,
       coalesce(session_id, user_name, team, product, device, event, os, version) AS name
FROM event_name_fields
GROUP BY GROUPING SETS ((session_id), (user_name), (team), (product), (device),
                        (event), (os), (version));
