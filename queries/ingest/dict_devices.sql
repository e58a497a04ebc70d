-- New devices names of the file (file_names: the accepted rows' names)
-- get the next dense ids (architecture: dictionaries, ids from 1, never
-- changed); in name order so that the same input gives the same ids.
-- Grain: one row per new name.
INSERT INTO devices
SELECT (SELECT coalesce(max(device_id), 0) FROM devices) + row_number() OVER (ORDER BY name), name
FROM (
    SELECT name FROM file_names WHERE dict = 'devices'
    EXCEPT
    SELECT device FROM devices
) AS fresh;
