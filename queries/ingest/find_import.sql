-- The first import of a file with this content hash, if any ($1: the hash of app.ingest.reader.content_hash):
-- such a file is skipped (data contract: re-importing changes nothing).
-- Grain: at most one row.
SELECT kind, rows FROM imports WHERE content_hash = $1 ORDER BY import_id LIMIT 1;
