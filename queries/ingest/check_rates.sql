-- Typed, checked rates (data contract "Rates"; R10, R6, R11, R18).
-- c1..c9 = product, name, kind, host, tokens_per_day, effective_from,
-- idle_detection_since, linux, source. kind: product or plugin (a plug-in
-- names its host); tokens_per_day: positive integer; effective_from:
-- YYYY-MM-DD; idle_detection_since: empty (never) or a 4-digit year; linux:
-- true or false (case-insensitive). Grain: one row per data line.
-- The shared checks (empty fields, days, amounts) are the macros of
-- value_checks.sql.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           trim(c1) AS product, trim(c2) AS name, lower(trim(c3)) AS kind,
           nullif(trim(c4), '') AS host, trim(c5) AS tokens_text, trim(c6) AS effective_text,
           nullif(trim(c7), '') AS idle_text, lower(trim(c8)) AS linux_text,
           nullif(trim(c9), '') AS source, cfg.missing
    FROM src_fields, ingest_cfg cfg
), e AS (
    SELECT *, empty_fields([product, name, kind, tokens_text, effective_text, linux_text],
                           ['product', 'name', 'kind', 'tokens_per_day', 'effective_from', 'linux']) AS empty_reason
    FROM f
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            WHEN empty_reason IS NOT NULL THEN empty_reason
            WHEN kind NOT IN ('product', 'plugin') THEN 'kind ' || left(kind, 80) || ' is not product or plugin'
            WHEN kind = 'plugin' AND host IS NULL THEN 'a plugin needs its host product in host'
            WHEN NOT is_positive_int(tokens_text) THEN
                'tokens_per_day ' || left(tokens_text, 80) || ' is not a positive integer'
            WHEN NOT is_day(effective_text) THEN
                'effective_from ' || left(effective_text, 80) || ' is not a date (YYYY-MM-DD)'
            WHEN idle_text IS NOT NULL AND NOT regexp_full_match(idle_text, '\d{4}') THEN
                'idle_detection_since ' || left(idle_text, 80) || ' is not a 4-digit year'
            WHEN linux_text NOT IN ('true', 'false') THEN 'linux ' || left(linux_text, 80) || ' is not true or false'
        END AS reason
    FROM e
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       product, name, kind, host,
       CASE WHEN reason IS NULL THEN CAST(tokens_text AS INTEGER) END AS tokens_per_day,
       CASE WHEN reason IS NULL THEN CAST(effective_text AS DATE) END AS effective_from,
       CASE WHEN reason IS NULL THEN CAST(idle_text AS SMALLINT) END AS idle_detection_since,
       CASE WHEN reason IS NULL THEN linux_text = 'true' END AS linux,
       source
FROM judged;
