-- The latest import of content with this hash, if any ($1: the hash of
-- app.ingest.reader.fingerprint): its kind and rows, how many of the
-- content's rows stand refused in `rejects`, and the options that decided
-- them (NULL: the defaults). Such a file is skipped (data contract:
-- re-importing changes nothing) unless rows stand refused and the options
-- differ (app/ingest/options.py read_again).
-- Grain: at most one row.
SELECT i.kind, i.rows,
       (SELECT count(*) FROM rejects r
        WHERE r.import_id IN (SELECT import_id FROM imports WHERE content_hash = $1)) AS rejected,
       o.options
FROM imports i
LEFT JOIN import_options o USING (import_id)
WHERE i.content_hash = $1
ORDER BY i.import_id DESC
LIMIT 1;
