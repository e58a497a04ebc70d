-- The settings of one file's import, as a one-row TEMP table the staging
-- views read (views take no parameters). Grain: one row.
-- $first_line: first data line (2 after a CSV header); $ncols: fields per CSV
-- line; $pos: 1-based position of each contract column (c1..c9) in the
-- file's fields; $max_bytes: longest line accepted; $assume_tz: zone for
-- timestamps without offset (R2) or NULL; $missing: required columns the
-- file lacks, comma-separated, or NULL; $nul_free: the file is known to
-- hold no NUL byte (a plain CSV, scanned for them: src_native.sql then
-- skips looking for one in every value, 2.7 s on 10 M rows).
-- values_checked starts false: a fast path sets it when every distinct value
-- of the file passed the checks (values_clean.sql, values_checked.sql).
CREATE OR REPLACE TEMP TABLE ingest_cfg AS
SELECT CAST($first_line AS BIGINT) AS first_line,
       CAST($ncols AS INTEGER) AS ncols,
       CAST($pos AS INTEGER[]) AS pos,
       CAST($max_bytes AS BIGINT) AS max_bytes,
       CAST($assume_tz AS VARCHAR) AS assume_tz,
       CAST($missing AS VARCHAR) AS missing,
       CAST($nul_free AS BOOLEAN) AS nul_free,
       false AS values_checked;
