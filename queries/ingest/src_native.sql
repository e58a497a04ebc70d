-- src_fields for an events file read by DuckDB's own parallel readers
-- (src_native: the kind's columns c1..c9 as text, picked by
-- app/ingest/staging.py from a plain CSV with no quote and no NUL byte, or
-- from a Parquet file). The result is kept only when no row is refused, so
-- no line number or raw text is ever shown from it: line stays NULL
-- (numbering rows in SQL, row_number() OVER (), would run the whole read on
-- one thread). The order of the rows is kept (checked.rowid), which is all
-- store_events needs. NUL bytes pass DuckDB's readers silently
-- (measured.md): a value holding one is refused here.
-- Grain: one row per data row.
CREATE OR REPLACE TEMP VIEW src_fields AS
SELECT CAST(NULL AS BIGINT) AS line,
       CASE WHEN contains(c1, chr(0)) OR contains(c2, chr(0)) OR contains(c3, chr(0))
              OR contains(c4, chr(0)) OR contains(c5, chr(0)) OR contains(c6, chr(0))
              OR contains(c7, chr(0)) OR contains(c8, chr(0)) OR contains(c9, chr(0))
            THEN 'NUL byte in a value' END AS pre_reason,
       CAST(NULL AS VARCHAR) AS raw_text,
       c1, c2, c3, c4, c5, c6, c7, c8, c9
FROM src_native;
