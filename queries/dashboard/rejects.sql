-- dashboard/rejects: the rejected input rows of the files imported in the
-- period (imports.sql), with their reasons (data contract: bad input is
-- never dropped silently). Rules: R2 among others. A refused row has no
-- team the store trusts: not filtered by team. $as_of, $since/$until as in
-- imports.sql. Grain: one row per rejected input line.
SELECT CAST(r.file AS VARCHAR) AS file, r.line, CAST(r.reason AS VARCHAR) AS reason,
       CAST(r.raw AS VARCHAR) AS raw, i.imported_at
FROM rejects r
JOIN imports i USING (import_id)
WHERE i.imported_at <= $as_of
  AND ($since IS NULL OR i.imported_at >= $since)
  AND ($until IS NULL OR i.imported_at < $until)
ORDER BY r.file, r.line;
