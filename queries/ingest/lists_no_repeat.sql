-- Does no instant occur twice in one of a fast path's staged groups
-- (checked, stage_events.sql)? Asked for the importer's identity test when
-- each (session, event) is in one group (pairs_in_one_group.sql): an
-- identity twice in the file is then an instant twice in one list. A list
-- strictly increasing has no repeat, and a log writes a session's events
-- in time order, so nearly every list is one; only the others (a session
-- written out of order, or a group the parallel read put together from
-- two chunks: ~2 % of them) have their distinct instants counted. One
-- pass over the lists (~0.1 s of 3 M events) and an exact answer, cheaper
-- than fetching and sorting the hashes of events_identities.sql (~0.3 CPU s).
-- A list of one compares nothing (NULL: never filtered in, nothing to
-- count). Grain: one row.
SELECT coalesce(bool_and(len(list_distinct(ts_list)) = len(ts_list)), true)
FROM checked
WHERE reason IS NULL
  AND NOT list_bool_and(list_transform(range(1, len(ts_list)), lambda i: ts_list[i] < ts_list[i + 1]));
