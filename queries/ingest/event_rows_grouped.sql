-- The rows stage_events.sql stages, for an events file read by a fast path:
-- its groups (file_groups, group_events.sql), each with the list of its
-- instants and its values as read, which stage_events.sql gives their
-- local ids by spelling (spellings.sql). Nothing is refused on a fast
-- path, so no line, reason or raw text (src_native.sql). Grain: one row
-- per group.
CREATE OR REPLACE TEMP VIEW event_rows AS
SELECT CAST(NULL AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS VARCHAR) AS raw,
       ts_list, event, session_id, user_name, team, product, version, device, os
FROM file_groups;
