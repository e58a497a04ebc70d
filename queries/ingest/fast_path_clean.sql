-- Is no row of an events file read by a fast path refused (group_events.sql
-- counts them per group)? Only then its result can stand (else the exact
-- reader reads the file again and gives each refused row its reason).
-- Grain: one row.
SELECT coalesce(sum(refused), 0) = 0 FROM file_groups;
