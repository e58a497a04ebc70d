-- Every refused row of the file into `rejects` with its line, reason and raw
-- text (data contract "Bad input"). $1: import_id, $2: file.
-- Grain: one row per rejected line.
INSERT INTO rejects
SELECT $1, $2, line, reason, raw FROM checked WHERE reason IS NOT NULL ORDER BY line;
