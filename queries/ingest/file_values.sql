-- What the local ids of an events file's events and os stand for, and the
-- year of its versions (names_events.sql), looked up once per value when
-- stored, not in each of 10 M rows (the per-row year cast and enum casts,
-- and the strings in the staged rows, cost ~1.5 s): the event kind and os
-- as the store's types, the year a version starts with (checked:
-- version_has_year, event_checks.sql; events keep it beside version_id,
-- migration 0002). Runs on the store's connection (its types).
-- Grain: one row per value of the accepted rows.
CREATE OR REPLACE TEMP TABLE file_events AS
SELECT local_id, CAST(name AS event_kind) AS event FROM file_names WHERE dict = 'events';
CREATE OR REPLACE TEMP TABLE file_os AS
SELECT local_id, CAST(name AS os_kind) AS os FROM file_names WHERE dict = 'os';
CREATE OR REPLACE TEMP TABLE file_versions AS
SELECT local_id, CAST(name[1:4] AS SMALLINT) AS version_year
FROM file_names
WHERE dict = 'versions';
