-- stg_events(as_of): the usage events the computation may see.
-- Rules: R4 (events after the as-of instant are ignored; as_of NULL: every
-- stored event).
-- Grain: one row per stored event with ts <= as_of.
CREATE OR REPLACE MACRO stg_events(as_of) AS TABLE
SELECT CAST(session_key AS INTEGER) AS session_key, CAST(ts AS TIMESTAMPTZ) AS ts,
       event, CAST(user_id AS INTEGER) AS user_id, CAST(team_id AS INTEGER) AS team_id,
       CAST(product_id AS INTEGER) AS product_id, CAST(version_id AS INTEGER) AS version_id,
       CAST(device_id AS INTEGER) AS device_id,
       os, CAST(import_id AS INTEGER) AS import_id
FROM events
WHERE ts <= coalesce(CAST(as_of AS TIMESTAMPTZ), CAST('infinity' AS TIMESTAMPTZ));
