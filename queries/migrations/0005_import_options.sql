-- Migration 0005: the options each import was read with (--assume-tz,
-- --encoding: app/ingest/options.py ReadOptions.key), so that content
-- whose rows were refused is read again when imported under other options
-- (R2; data contract "Bad input"). An import without a row here was read
-- with the defaults. Grain: one row per import.
CREATE TABLE import_options (
    import_id INTEGER NOT NULL PRIMARY KEY,
    options   VARCHAR NOT NULL
);
