-- Are the instants of each of a fast path's staged groups (checked,
-- stage_events.sql) strictly increasing in their list? Asked for the
-- importer's identity test when each (session, event) is in one group
-- (pairs_in_one_group.sql): an identity twice in the file is then an
-- instant twice in one list, which an increasing list rules out; a log
-- writes a session's events in time order, so this usually answers, in
-- one pass over the lists (~0.1 s of 10 M events), and otherwise the
-- hashes of events_identities.sql are sorted (app/ingest/staging.py
-- identities_unique). A list of one compares nothing (NULL, ignored).
-- Grain: one row.
SELECT coalesce(bool_and(list_bool_and(
           list_transform(range(1, len(ts_list)), lambda i: ts_list[i] < ts_list[i + 1]))), true)
FROM checked
WHERE reason IS NULL;
