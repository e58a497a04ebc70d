-- The rows stage_events.sql stages, for an events file read exactly: each
-- judged row (events_judged, materialise_judged.sql) in the file's order,
-- its instant as a list of one, as a fast path's groups hold theirs
-- (event_rows_grouped.sql; accepted_events.sql unnests them). Grain: one row per data line.
CREATE OR REPLACE TEMP VIEW event_rows AS
SELECT line, reason, raw, [ts] AS ts_list, event, session_id, user_name, team, product, version,
       device, os
FROM events_judged;
