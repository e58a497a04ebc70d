-- Forget the CSV reader's refused rows of an earlier file (DuckDB keeps them
-- in these TEMP tables for the connection). Grain: statement.
DROP TABLE IF EXISTS ingest_reader_rejects;
DROP TABLE IF EXISTS ingest_reader_scans;
