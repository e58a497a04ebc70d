-- New names of the file (file_names: the accepted rows' names, per
-- dictionary) get the next dense ids of their dictionary (architecture:
-- dictionaries, ids from 1, never changed); in name order so that the same
-- input gives the same ids. A version keeps its year (migration 0002; R6,
-- R18: it starts with one, version_has_year in event_checks.sql). A
-- dictionary the file brings no names to gets none; '*' (every product, in
-- assignments) is no product.
-- Grain: one row per new name.
INSERT INTO users
SELECT (SELECT coalesce(max(user_id), 0) FROM users) + row_number() OVER (ORDER BY name), name
FROM (SELECT name FROM file_names WHERE dict = 'users' EXCEPT SELECT user_name FROM users) AS fresh;

INSERT INTO teams
SELECT (SELECT coalesce(max(team_id), 0) FROM teams) + row_number() OVER (ORDER BY name), name
FROM (SELECT name FROM file_names WHERE dict = 'teams' EXCEPT SELECT team FROM teams) AS fresh;

INSERT INTO products
SELECT (SELECT coalesce(max(product_id), 0) FROM products) + row_number() OVER (ORDER BY name), name
FROM (SELECT name FROM file_names WHERE dict = 'products' AND name <> '*' EXCEPT SELECT product FROM products) AS fresh;

INSERT INTO devices
SELECT (SELECT coalesce(max(device_id), 0) FROM devices) + row_number() OVER (ORDER BY name), name
FROM (SELECT name FROM file_names WHERE dict = 'devices' EXCEPT SELECT device FROM devices) AS fresh;

INSERT INTO sessions
SELECT (SELECT coalesce(max(session_key), 0) FROM sessions) + row_number() OVER (ORDER BY name), name
FROM (SELECT name FROM file_names WHERE dict = 'sessions' EXCEPT SELECT session_id FROM sessions) AS fresh;

INSERT INTO versions
SELECT (SELECT coalesce(max(version_id), 0) FROM versions) + row_number() OVER (ORDER BY name),
       name, CAST(name[1:4] AS SMALLINT)
FROM (SELECT name FROM file_names WHERE dict = 'versions' EXCEPT SELECT version FROM versions) AS fresh;
