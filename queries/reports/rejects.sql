-- reports/rejects: every input row refused at import, with its reason (data
-- contract: bad input is never dropped silently; R2 among the reasons).
-- R4: rows of imports made after $as_of are not shown.
-- Filters: $since/$until (inclusive, on the UTC day of the import). No team:
-- a rejected row belongs to no team.
-- Grain: one row per rejected input line, sorted by file, line.
SELECT CAST(r.file AS VARCHAR)  AS file,
       CAST(r.line AS BIGINT)   AS line,
       CAST(r.reason AS VARCHAR) AS reason,
       CAST(r.raw AS VARCHAR)   AS raw
FROM rejects r
LEFT JOIN imports i ON i.import_id = r.import_id
-- to the second, as the as-of is (an import made in the as-of's second is shown)
WHERE (i.imported_at IS NULL OR date_trunc('second', i.imported_at) <= $as_of)
  AND ($since IS NULL OR i.imported_at >= CAST(CAST($since AS DATE) AS TIMESTAMPTZ))
  AND ($until IS NULL OR i.imported_at < CAST(CAST($until AS DATE) + INTERVAL 1 DAY AS TIMESTAMPTZ))
ORDER BY file, line, reason;
