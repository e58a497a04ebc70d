-- New product versions of an events file (file_names: the accepted rows'
-- versions, each starting with its 4-digit year: version_has_year,
-- event_checks.sql) get the next dense ids (migration 0002), in version
-- order like the names (dict_users.sql), with their year (R6, R18).
-- Grain: one row per new version.
INSERT INTO versions
SELECT (SELECT coalesce(max(version_id), 0) FROM versions) + row_number() OVER (ORDER BY name),
       name, CAST(name[1:4] AS SMALLINT)
FROM (
    SELECT name FROM file_names WHERE dict = 'versions'
    EXCEPT
    SELECT version FROM versions
) AS fresh;
