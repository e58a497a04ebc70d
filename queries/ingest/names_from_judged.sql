-- The name columns of the accepted rows of an events file read exactly
-- (materialise_judged.sql): a name seen only in refused rows enters no
-- dictionary. Event, os and version too, for their local ids
-- (names_events.sql). Grain: one row per accepted row.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT session_id, user_name, team, product, device, event, os, version
FROM events_judged
WHERE reason IS NULL;
