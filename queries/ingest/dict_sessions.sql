-- New sessions names of the file (file_names: the accepted rows' names)
-- get the next dense ids (architecture: dictionaries, ids from 1, never
-- changed); in name order so that the same input gives the same ids.
-- Grain: one row per new name.
INSERT INTO sessions
SELECT (SELECT coalesce(max(session_key), 0) FROM sessions) + row_number() OVER (ORDER BY name), name
FROM (
    SELECT name FROM file_names WHERE dict = 'sessions'
    EXCEPT
    SELECT session_id FROM sessions
) AS fresh;
