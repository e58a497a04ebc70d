-- Keep the judged rows of an events file read exactly (its source, an Arrow
-- stream of lines, can be read only once; the names and the staged rows
-- read them twice), and point events_judged at the kept rows.
-- Grain: one row per data line.
CREATE OR REPLACE TEMP TABLE events_judged_rows AS SELECT * FROM events_judged;
CREATE OR REPLACE TEMP VIEW events_judged AS SELECT * FROM events_judged_rows;
