-- New users names of the file (file_names: the accepted rows' names)
-- get the next dense ids (architecture: dictionaries, ids from 1, never
-- changed); in name order so that the same input gives the same ids.
-- Grain: one row per new name.
INSERT INTO users
SELECT (SELECT coalesce(max(user_id), 0) FROM users) + row_number() OVER (ORDER BY name), name
FROM (
    SELECT name FROM file_names WHERE dict = 'users'
    EXCEPT
    SELECT user_name FROM users
) AS fresh;
