-- Drop a JSON lines file's materialised lines once it is checked, so the
-- next file of the same import can name its own stream src_lines.
-- Grain: statement.
DROP TABLE IF EXISTS src_lines;
