-- The accepted events of `checked`, one row per instant; rid: the staged
-- row it comes from (the file's order on the exact path, where the first
-- row of an identity wins: store_events.sql). Read by the identity tests
-- and the store queries; made again for each staged file as it is stored
-- (its `checked` renamed back, staging.use_checked). Grain: one row per
-- accepted event.
CREATE OR REPLACE TEMP VIEW accepted_events AS
SELECT rowid AS rid, unnest(ts_list) AS ts, event_l, session_l, user_l, team_l, product_l, version_l,
       device_l, os_l
FROM checked
WHERE reason IS NULL;
