-- dashboard/imports: the import history (data contract: rows = accepted +
-- duplicates + rejected). Not filtered by the
-- period: imports are about the store, not the usage period. Grain: one row per imported file.
SELECT import_id, CAST(file AS VARCHAR) AS file, CAST(kind AS VARCHAR) AS kind,
       imported_at, rows, accepted, duplicates, rejected
FROM imports
ORDER BY imported_at DESC, import_id DESC;
