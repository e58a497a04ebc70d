-- Free an events file's judged rows once its staged rows are built
-- (materialise_judged.sql keeps them only for the exact reader).
-- Grain: statement.
DROP VIEW IF EXISTS events_judged;
DROP TABLE IF EXISTS events_judged_rows;
