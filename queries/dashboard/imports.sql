-- dashboard/imports: the files imported in the period (data contract: rows
-- = accepted + duplicates + rejected), latest first, and, with a team
-- chosen, how many of the rows each stored are that team's (events, packs,
-- assignments; R12 for an event's team as logged). $as_of (R4): nothing
-- imported after it; $since/$until half-open instants (NULL: open) on the
-- import's instant; $team (NULL: no count). Grain: one row per imported file.
WITH team_rows AS (
    SELECT import_id, CAST(count(*) AS BIGINT) AS team_rows
    FROM (
        SELECT import_id, team_id FROM events
        UNION ALL SELECT import_id, team_id FROM packs
        UNION ALL SELECT import_id, team_id FROM assignments
    ) AS stored
    WHERE $team IS NOT NULL AND team_id = (SELECT team_id FROM teams WHERE team = $team)
    GROUP BY import_id
)
SELECT i.import_id, CAST(i.file AS VARCHAR) AS file, CAST(i.kind AS VARCHAR) AS kind,
       i.imported_at, i.rows, i.accepted, i.duplicates, i.rejected,
       CASE WHEN $team IS NOT NULL THEN coalesce(r.team_rows, 0) END AS team_rows
FROM imports i
LEFT JOIN team_rows r USING (import_id)
WHERE i.imported_at <= $as_of
  AND ($since IS NULL OR i.imported_at >= $since)
  AND ($until IS NULL OR i.imported_at < $until)
ORDER BY i.imported_at DESC, i.import_id DESC;
