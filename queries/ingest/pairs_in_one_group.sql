-- Is each (session, event) of a fast path's staged groups (stage_events.sql)
-- in one group only? Then an identity (session_id, event, instant) that
-- occurs twice in the file occurs twice in one group: in rows equal in
-- everything, whose order does not matter, and identity_conflicts.sql
-- (a GROUP BY of every row) need not run. Grain: one row.
SELECT count(*) = count(DISTINCT (session_l, event_l)) FROM checked WHERE reason IS NULL;
