-- The instants of a fast path's staged groups (checked, stage_events.sql),
-- one row each in its group's order (rid: the group; a list's elements come
-- together, in list order), as microseconds, for the importer's identity
-- test when each (session, event) is in one group (pairs_in_one_group.sql):
-- an identity twice in the file is then an instant twice in one list,
-- which strictly increasing lists rule out (app/ingest/staging.py
-- identities_unique; otherwise the hashes of events_identities.sql are
-- sorted). Grain: one row per accepted event.
SELECT rowid AS rid, epoch_us(unnest(ts_list)) AS us FROM checked WHERE reason IS NULL;
