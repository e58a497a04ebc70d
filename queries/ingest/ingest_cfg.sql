-- The settings of one file's import, as a one-row TEMP table the staging
-- views read (views take no parameters). Grain: one row.
-- $first_line: first data line (2 after a CSV header); $ncols: fields per CSV
-- line; $pos: 1-based position of each contract column (c1..c9) in the
-- file's fields; $max_bytes: longest line accepted; $assume_tz: zone for
-- timestamps without offset (R2) or NULL; $missing: required columns the
-- file lacks, comma-separated, or NULL; $sep: a CSV's separator ("," or
-- ";", app/ingest/reader.py csv_header); $encoding: the name of the
-- encoding the file is read in, for the reason of a line not valid in it;
-- $quoted: a fast path read the CSV with its quotes as plain characters
-- (app/ingest/staging.py _csv_mode; src_native.sql, spellings.sql).
-- values_checked starts false: a fast path sets it, as its rows are judged
-- for their instant only and every distinct value of the other columns is
-- checked once (group_events.sql, values_clean.sql, values_checked.sql).
CREATE OR REPLACE TEMP TABLE ingest_cfg AS
SELECT CAST($first_line AS BIGINT) AS first_line,
       CAST($ncols AS INTEGER) AS ncols,
       CAST($pos AS INTEGER[]) AS pos,
       CAST($max_bytes AS BIGINT) AS max_bytes,
       CAST($assume_tz AS VARCHAR) AS assume_tz,
       CAST($missing AS VARCHAR) AS missing,
       CAST($sep AS VARCHAR) AS sep,
       CAST($encoding AS VARCHAR) AS encoding,
       CAST($quoted AS BOOLEAN) AS quoted,
       false AS values_checked;
