-- src_fields for a plain CSV events file read by DuckDB's own parallel
-- reader (src_native: the kind's columns c1..c9 as text, no auto-detection;
-- see app/ingest/staging.py). It is used only for files with no quote and no
-- NUL byte, and kept only when no row is refused, so no line number or raw
-- text is ever shown from it: line stays NULL (numbering the rows in SQL,
-- row_number() OVER (), would run the whole read on one thread). The order
-- of the rows is kept (checked.rowid), which is all store_events needs.
-- Grain: one row per data line.
CREATE OR REPLACE TEMP VIEW src_fields AS
SELECT CAST(NULL AS BIGINT) AS line,
       CAST(NULL AS VARCHAR) AS pre_reason,
       CAST(NULL AS VARCHAR) AS raw_text,
       c1, c2, c3, c4, c5, c6, c7, c8, c9
FROM src_native;
