-- Content read again (app/ingest/options.py read_again): the rows its
-- earlier imports refused leave `rejects`; the new import's own refused rows
-- take their place (store_rejects.sql). $1: the content hash.
-- Grain: statement.
DELETE FROM rejects
WHERE import_id IN (SELECT import_id FROM imports WHERE content_hash = $1);
