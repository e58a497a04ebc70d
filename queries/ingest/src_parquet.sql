-- src_fields for a Parquet file: every column read as text (a column of the
-- wrong type then fails the kind's checks row by row, with the value in the
-- reason), picked into c1..c9 by ingest_cfg.pos. src_parquet is the file,
-- registered by app/ingest with file_row_number. "line" is the row number
-- from 1. Grain: one row per Parquet row.
CREATE OR REPLACE TEMP VIEW src_fields AS
WITH rows AS (
    SELECT CAST(file_row_number AS BIGINT) + 1 AS line,
           list_value(*COLUMNS(* EXCLUDE (file_row_number))) AS fields
    FROM (SELECT COLUMNS(*)::VARCHAR FROM src_parquet)
)
SELECT
    line,
    CASE WHEN list_bool_or(list_transform(fields, lambda x: contains(x, chr(0)))) THEN 'NUL byte in a value' END AS pre_reason,
    array_to_string(list_transform(fields, lambda x: coalesce(x, '')), ',') AS raw_text,
    fields[pos[1]] AS c1, fields[pos[2]] AS c2, fields[pos[3]] AS c3,
    fields[pos[4]] AS c4, fields[pos[5]] AS c5, fields[pos[6]] AS c6,
    fields[pos[7]] AS c7, fields[pos[8]] AS c8, fields[pos[9]] AS c9
FROM rows, ingest_cfg;
