-- Keep a JSON lines file's lines in a TEMP table: the Arrow stream can be
-- read only once, and JSON lines are read twice (values, then extra keys).
-- Grain: one row per input line.
CREATE OR REPLACE TEMP TABLE src_lines AS SELECT line, raw, n_bytes FROM src_lines_stream;
