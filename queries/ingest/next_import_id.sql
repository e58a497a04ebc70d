-- The next import id. Grain: one row.
SELECT coalesce(max(import_id), 0) + 1 FROM imports;
