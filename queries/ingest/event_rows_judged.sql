-- The rows stage_events.sql stages, for an events file read exactly: each
-- judged row (events_judged, materialise_judged.sql) in the file's order,
-- its instant as a list of one (stage_events.sql unnests the instants of a
-- fast path's groups, event_rows_grouped.sql). Grain: one row per data line.
CREATE OR REPLACE TEMP VIEW event_rows AS
SELECT line, reason, raw, [ts] AS ts_list, event, session_id, user_name, team, product, version,
       device, os
FROM events_judged;
