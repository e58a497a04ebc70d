-- The 64-bit hash of each accepted event's identity (session_id, event, ts;
-- data contract; the local session id stands for the session_id), for the
-- importer's test that none occurs twice in the file: sorted in numpy, on
-- a thread of its own, rather than a GROUP BY ... HAVING count(*) > 1 of
-- every accepted row. Two identities with one hash only look alike: the file is then
-- stored with the dedupe of store_events.sql. Grain: one row per accepted
-- event.
SELECT hash(session_l, event_l, ts) AS h FROM accepted_events;
