-- Did DuckDB's CSV reader read the file cleanly (no row it refused) and do
-- all rows pass the kind's checks? Only then the fast path's result stands.
-- Grain: one row.
SELECT (SELECT count(*) FROM ingest_reader_rejects) = 0
   AND (SELECT count(reason) FROM checked) = 0;
