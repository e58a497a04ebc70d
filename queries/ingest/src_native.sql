-- src_fields for an events file read by DuckDB's own parallel readers
-- (src_native: the kind's columns c1..c9 as text, picked by
-- app/ingest/staging.py from a CSV read with its quotes as plain
-- characters, see _csv_mode, or from a Parquet file). The result is kept only when no row is refused, so
-- no line number or raw text is ever shown from it: line stays NULL
-- (numbering rows in SQL, row_number() OVER (), would run the whole read on
-- one thread). The rows are grouped (group_events.sql): their order is
-- lost, and a file in which it would decide what is stored is read
-- exactly (identity_conflicts.sql). NUL bytes pass DuckDB's readers
-- silently (measured.md), so a value holding one must not pass; rather
-- than looking into all nine values of every row, a NUL byte fails the
-- instant's check, and every distinct value of the other columns is
-- looked into once (values_clean.sql); either way the
-- file is then read exactly, where every value of every row is looked into
-- (src_csv.sql, src_parquet.sql). A plain CSV holds none at all
-- (reader.fingerprint). A CSV line with fewer or more fields than its
-- header: the reader pads the missing ones with NULL (last_field) and
-- reads one field more (beyond_last), see app/ingest/staging.py _fast_csv;
-- refused here, so the exact reader reads the file and says which line (a
-- Parquet row always has its columns: last_field '', beyond_last NULL).
-- Grain: one row per data row.
CREATE OR REPLACE TEMP VIEW src_fields AS
SELECT CAST(NULL AS BIGINT) AS line,
       CASE WHEN last_field IS NULL OR beyond_last IS NOT NULL THEN 'not as many fields as the header'
       END AS pre_reason,
       CAST(NULL AS VARCHAR) AS raw_text,
       -- a CSV read with its quotes as plain characters (ingest_cfg.quoted):
       -- the instant unquoted here, row by row (unquote_instant: a badly
       -- quoted one keeps a quote and fails its check); the other columns
       -- once per distinct spelling (quoted_values_ok.sql, spellings.sql).
       CASE WHEN cfg.quoted THEN unquote_instant(c1) ELSE c1 END AS c1,
       c2, c3, c4, c5, c6, c7, c8, c9
FROM src_native, ingest_cfg cfg;
