-- The staged rows of an events file: event_rows (event_rows_judged.sql: the
-- judged rows, typed values or the reason a row is refused, each with its
-- instant as a list of one; or event_rows_grouped.sql: a fast path's
-- groups, each with the list of its instants) with the values replaced by
-- the file's local ids, by their spelling (file_spelling_ids,
-- spelling_ids.sql). The instants stay
-- lists, unnested only where they are read (accepted_events.sql), not
-- copied into this table. The joins are
-- written with the big side first and run in that order (staging.py fixes
-- the join order around this statement: DuckDB, not knowing the size of a
-- file being read, built its hash tables on the file instead of the
-- names). Grain: one row per data line (exact)
-- or per group (fast path).
CREATE OR REPLACE TEMP TABLE checked AS
SELECT j.line, j.reason, j.raw, j.ts_list, e.local_id AS event_l,
       s.local_id AS session_l, u.local_id AS user_l, t.local_id AS team_l,
       p.local_id AS product_l, v.local_id AS version_l, d.local_id AS device_l, o.local_id AS os_l
FROM event_rows j
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'sessions') s ON s.spelling = j.session_id
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'users') u ON u.spelling = j.user_name
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'teams') t ON t.spelling = j.team
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'products') p ON p.spelling = j.product
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'devices') d ON d.spelling = j.device
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'versions') v ON v.spelling = j.version
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'events') e ON e.spelling = j.event
LEFT JOIN (SELECT spelling, local_id FROM file_spelling_ids WHERE dict = 'os') o ON o.spelling = j.os;
