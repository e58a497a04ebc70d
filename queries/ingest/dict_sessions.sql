-- New session_id values of the accepted rows of `checked` get the next dense ids
-- (architecture: dictionaries, ids from 1, never changed); in name order so
-- that the same input gives the same ids. Grain: one row per new name.
INSERT INTO sessions
SELECT (SELECT coalesce(max(session_key), 0) FROM sessions) + row_number() OVER (ORDER BY name), name
FROM (
    SELECT DISTINCT session_id AS name FROM checked
    WHERE reason IS NULL AND session_id IS NOT NULL 
    EXCEPT
    SELECT session_id FROM sessions
) AS fresh;
