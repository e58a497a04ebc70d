-- The rows stage_events.sql stages, for an events file read by a fast path:
-- its groups (file_groups, group_events.sql), each with the list of its
-- instants, its values as the exact reader reads them (as_read, as
-- names_from_groups.sql gives them their local ids; team empty = none,
-- R12). Nothing is refused on a fast path, so no line, reason or raw text
-- (src_native.sql). Grain: one row per group.
CREATE OR REPLACE TEMP VIEW event_rows AS
SELECT CAST(NULL AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS VARCHAR) AS raw,
       ts_list, as_read(event, cfg.quoted) AS event, as_read(session_id, cfg.quoted) AS session_id,
       as_read(user_name, cfg.quoted) AS user_name, nullif(as_read(team, cfg.quoted), '') AS team,
       as_read(product, cfg.quoted) AS product, as_read(version, cfg.quoted) AS version,
       as_read(device, cfg.quoted) AS device, as_read(os, cfg.quoted) AS os
FROM file_groups, ingest_cfg cfg;
