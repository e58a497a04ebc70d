-- The name columns of the accepted rows of an events file read exactly
-- (materialise_judged.sql): a name seen only in refused rows enters no
-- dictionary. Grain: one row per accepted row.
CREATE OR REPLACE TEMP VIEW event_name_fields AS
SELECT session_id, user_name, team, product, device
FROM events_judged
WHERE reason IS NULL;
