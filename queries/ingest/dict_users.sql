-- New user_name values of the accepted rows of `checked` get the next dense ids
-- (architecture: dictionaries, ids from 1, never changed); in name order so
-- that the same input gives the same ids. Grain: one row per new name.
INSERT INTO users
SELECT (SELECT coalesce(max(user_id), 0) FROM users) + row_number() OVER (ORDER BY name), name
FROM (
    SELECT DISTINCT user_name AS name FROM checked
    WHERE reason IS NULL AND user_name IS NOT NULL 
    EXCEPT
    SELECT user_name FROM users
) AS fresh;
