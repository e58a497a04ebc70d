-- src_fields for a JSON lines file: one row per non-empty line of src_lines
-- (materialised first: the kind's extra keys are listed from it afterwards).
-- A line that is not a JSON object is rejected with its raw text, never
-- turned into a row of NULLs (measured.md: read_json(ignore_errors) does
-- that). Values are read for every contract column (DuckDB wants constant
-- JSON paths: the list's order is app.ingest.kinds.ALL_COLUMNS), then picked
-- by ingest_cfg.pos into c1..c9. Grain: one row per line.
CREATE OR REPLACE TEMP VIEW src_fields AS
WITH lines AS (
    SELECT l.line, l.raw, l.n_bytes, c.pos, c.max_bytes, c.encoding
    FROM src_lines l, ingest_cfg c
    WHERE l.n_bytes > 0
), decoded AS (
    SELECT *, CASE WHEN n_bytes <= max_bytes THEN try(decode(raw)) END AS text
    FROM lines
), parsed AS (
    SELECT *,
        coalesce(text IS NOT NULL AND NOT contains(text, chr(0)) AND json_valid(text)
                 AND try(json_type(text)) = 'OBJECT', false) AS is_object
    FROM decoded
), vals AS (
    SELECT *,
        CASE WHEN is_object THEN try(json_extract_string(text, [
            '$."ts"', '$."event"', '$."session_id"', '$."user"', '$."team"', '$."product"',
            '$."version"', '$."device"', '$."os"', '$."pack_id"', '$."tokens"',
            '$."purchased_on"', '$."price"', '$."currency"', '$."name"', '$."kind"',
            '$."host"', '$."tokens_per_day"', '$."effective_from"',
            '$."idle_detection_since"', '$."linux"', '$."source"', '$."assigned_on"',
            '$."annual_subscription_price"', '$."group"', '$."alias"']))
        END AS v
    FROM parsed
)
SELECT
    line,
    CASE
        WHEN n_bytes > max_bytes THEN 'line too long (' || n_bytes || ' bytes; the limit is ' || max_bytes || ')'
        WHEN text IS NULL THEN 'invalid ' || encoding
        WHEN contains(text, chr(0)) THEN 'NUL byte in the line'
        WHEN NOT is_object THEN 'broken JSON line (not a JSON object)'
    END AS pre_reason,
    CASE
        WHEN n_bytes > max_bytes THEN left(coalesce(try(decode(raw)), CAST(raw AS VARCHAR)), 1000) || ' ... (truncated)'
        WHEN text IS NULL OR contains(text, chr(0)) THEN CAST(raw AS VARCHAR)
        ELSE text
    END AS raw_text,
    v[pos[1]] AS c1, v[pos[2]] AS c2, v[pos[3]] AS c3, v[pos[4]] AS c4, v[pos[5]] AS c5,
    v[pos[6]] AS c6, v[pos[7]] AS c7, v[pos[8]] AS c8, v[pos[9]] AS c9
FROM vals;
