-- src_fields for a CSV file: one row per non-empty data line of src_lines
-- (the Arrow stream of (line, raw, n_bytes) that app/ingest/reader.py cuts),
-- split into fields here at ingest_cfg.sep ("," or ";"). One input line is
-- one row (data contract): a quote never
-- spans lines, so a line whose quotes do not pair up is rejected alone.
-- Format-level problems go to pre_reason; c1..c9 are the kind's contract
-- columns in contract order (ingest_cfg.pos). Grain: one row per line.
CREATE OR REPLACE TEMP VIEW src_fields AS
WITH lines AS (
    SELECT l.line, l.raw, l.n_bytes, c.pos, c.ncols, c.max_bytes, c.sep, c.encoding
    FROM src_lines l, ingest_cfg c
    WHERE l.line >= c.first_line AND l.n_bytes > 0
), decoded AS (
    SELECT *, CASE WHEN n_bytes <= max_bytes THEN try(decode(raw)) END AS text
    FROM lines
), split AS (
    SELECT *,
        CASE
            WHEN text IS NULL THEN NULL
            WHEN NOT contains(text, '"') THEN string_split(text, sep)
            -- constant patterns (compiled once), one per separator
            WHEN sep = ',' AND regexp_full_match(text, '("(?:[^"]|"")*"|[^,"]*)(,("(?:[^"]|"")*"|[^,"]*))*') THEN
                list_transform(
                    regexp_extract_all(',' || text, ',("(?:[^"]|"")*"|[^,"]*)', 1),
                    lambda x: CASE WHEN starts_with(x, '"') THEN replace(x[2:-2], '""', '"') ELSE x END)
            -- the same with ';' (a spreadsheet set to a decimal comma writes it)
            WHEN sep = ';' AND regexp_full_match(text, '("(?:[^"]|"")*"|[^;"]*)(;("(?:[^"]|"")*"|[^;"]*))*') THEN
                list_transform(
                    regexp_extract_all(';' || text, ';("(?:[^"]|"")*"|[^;"]*)', 1),
                    lambda x: CASE WHEN starts_with(x, '"') THEN replace(x[2:-2], '""', '"') ELSE x END)
        END AS fields
    FROM decoded
)
SELECT
    line,
    CASE
        WHEN n_bytes > max_bytes THEN 'line too long (' || n_bytes || ' bytes; the limit is ' || max_bytes || ')'
        WHEN text IS NULL THEN 'invalid ' || encoding
        WHEN contains(text, chr(0)) THEN 'NUL byte in the line'
        WHEN fields IS NULL THEN 'unterminated or misplaced quote'
        WHEN len(fields) <> ncols THEN 'expected ' || ncols || ' fields, found ' || len(fields)
    END AS pre_reason,
    CASE
        WHEN n_bytes > max_bytes THEN left(coalesce(try(decode(raw)), CAST(raw AS VARCHAR)), 1000) || ' ... (truncated)'
        WHEN text IS NULL OR contains(text, chr(0)) THEN CAST(raw AS VARCHAR)
        ELSE text
    END AS raw_text,
    fields[pos[1]] AS c1, fields[pos[2]] AS c2, fields[pos[3]] AS c3,
    fields[pos[4]] AS c4, fields[pos[5]] AS c5, fields[pos[6]] AS c6,
    fields[pos[7]] AS c7, fields[pos[8]] AS c8, fields[pos[9]] AS c9
FROM split;
