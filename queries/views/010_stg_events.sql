-- stg_events: the usage events the computation may see (R4 as-of).
-- Rules: R4 (events after the as-of instant are ignored). The instant comes
-- from the session variable `flexdash_as_of` (SET VARIABLE, set by
-- app.engine.recompute / use_results_as_of); unset means "everything stored".
-- Grain: one row per stored event with ts <= as-of.
CREATE OR REPLACE VIEW stg_events AS
SELECT CAST(session_key AS INTEGER) AS session_key, CAST(ts AS TIMESTAMPTZ) AS ts,
       event, CAST(user_id AS INTEGER) AS user_id, CAST(team_id AS INTEGER) AS team_id,
       CAST(product_id AS INTEGER) AS product_id, CAST(version_id AS INTEGER) AS version_id,
       CAST(device_id AS INTEGER) AS device_id,
       os, CAST(import_id AS INTEGER) AS import_id
FROM events
WHERE ts <= coalesce(CAST(getvariable('flexdash_as_of') AS TIMESTAMPTZ),
                     CAST('infinity' AS TIMESTAMPTZ));
