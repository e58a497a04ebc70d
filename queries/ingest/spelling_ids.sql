-- The local id of each spelling of an events file's values (file_spellings,
-- spellings.sql; file_names, names_events.sql), for stage_events.sql to
-- give the staged rows, which hold the values as spelled, their ids. A
-- spelling that stands for no name (an empty team, R12) has none, and
-- the row's id stays NULL. Grain: one row per (column, spelling).
CREATE OR REPLACE TEMP TABLE file_spelling_ids AS
SELECT s.dict, s.spelling, n.local_id
FROM file_spellings s
JOIN file_names n ON n.dict = s.dict AND n.name = s.name;
