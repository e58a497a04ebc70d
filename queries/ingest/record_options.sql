-- The options that decided an import's rows (migration 0005): those it was
-- read with, or for content skipped as imported before, those of the import
-- that read it. $1: import_id, $2: app/ingest/options.py ReadOptions.key.
-- Grain: one row.
-- (replacing a row left by an import whose ledger row was deleted)
INSERT OR REPLACE INTO import_options VALUES ($1, $2);
