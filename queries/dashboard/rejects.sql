-- dashboard/rejects: the rejected input rows with their reasons (data
-- contract: bad input is never dropped silently). Rules: R2 among others.
-- Not filtered by the period. Grain: one row per rejected input line.
SELECT CAST(r.file AS VARCHAR) AS file, r.line, CAST(r.reason AS VARCHAR) AS reason,
       CAST(r.raw AS VARCHAR) AS raw, i.imported_at
FROM rejects r
LEFT JOIN imports i USING (import_id)
ORDER BY r.file, r.line;
