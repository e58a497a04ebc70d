-- An events file read by a fast path, in one pass (issue 2: the file is
-- read once): its judged rows (events_judged, check_events.sql: instants
-- in UTC, R1, those without an offset refused unless --assume-tz, R2; with
-- ingest_cfg.values_checked set, only the instant is judged row by row)
-- grouped by everything but the instant, each value as read (a quoted
-- CSV's still quoted, event and os in the file's case, an empty team
-- empty). A group is one combination of event, names, version and os (a
-- session's rows are one to a few groups) with its instants as a list;
-- each distinct spelling is then checked and read once (spellings.sql,
-- values_clean.sql) and the groups given their local ids once per group,
-- not once per row (stage_events.sql; the instants are unnested where
-- they are read, accepted_events.sql), so the file is not read a second
-- time for its distinct names.
-- The order of the rows is lost: app/ingest/staging.py takes the exact
-- path when one identity occurs in rows that differ (identity_conflicts.sql),
-- the only case where the file's order decides what is stored.
-- refused: the group's rows with a reason (then the fast path stands down).
-- Grain: one row per group.
CREATE OR REPLACE TEMP TABLE file_groups AS
SELECT event, session_id, user_name, team, product, version, device, os,
       list(ts) AS ts_list, count(reason) AS refused
FROM events_judged
GROUP BY event, session_id, user_name, team, product, version, device, os;
