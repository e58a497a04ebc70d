-- Free an events file's judged rows once its staged rows are built
-- (materialise_judged.sql keeps them only for the exact reader; a fast
-- path keeps its groups, group_events.sql). Grain: statement.
DROP VIEW IF EXISTS event_rows;
DROP VIEW IF EXISTS events_judged;
DROP TABLE IF EXISTS events_judged_rows;
DROP TABLE IF EXISTS file_groups;
