-- What the local ids of an events file's events and os stand for
-- (names_events.sql), looked up once per value when stored, not in each
-- row (no per-row enum cast, no strings in the staged rows): the event kind and os as the store's types. Runs on the
-- store's connection (its types). A version's year is its versions row's
-- (dict_names.sql). Grain: one row per value of the accepted rows.
CREATE OR REPLACE TEMP TABLE file_events AS
SELECT local_id, CAST(name AS event_kind) AS event FROM file_names WHERE dict = 'events';
CREATE OR REPLACE TEMP TABLE file_os AS
SELECT local_id, CAST(name AS os_kind) AS os FROM file_names WHERE dict = 'os';
