-- Did DuckDB's CSV reader read the whole file (no row refused for its
-- shape, encoding or length)? Grain: one row.
SELECT count(*) = 0 FROM ingest_reader_rejects;
