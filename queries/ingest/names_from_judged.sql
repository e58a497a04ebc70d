-- The name columns of the accepted rows of an events file read exactly
-- (materialise_judged.sql): a name seen only in refused rows enters no
-- dictionary. The exact path checks every row itself: no value column
-- here (NULL, as distinct_events.sql expects them). Grain: one row per
-- accepted row.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT session_id, user_name, team, product, device,
       CAST(NULL AS VARCHAR) AS event, CAST(NULL AS VARCHAR) AS os, CAST(NULL AS VARCHAR) AS version
FROM events_judged
WHERE reason IS NULL;
