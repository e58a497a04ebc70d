-- The versions of an events file by local id (names_events.sql), with the
-- year each starts with (checked: version_has_year, event_checks.sql):
-- computed once per version, not in each of 10 M rows (0.4-0.6 s).
-- Grain: one row per version of the accepted rows.
CREATE OR REPLACE TEMP TABLE file_versions AS
SELECT local_id, name AS version, CAST(name[1:4] AS SMALLINT) AS version_year
FROM file_names
WHERE dict = 'versions';
