-- Typed, checked user groups (data contract "Groups"; R25).
-- c1..c2 = user, group (cost centre, project or department).
-- The empty-field check is value_checks.sql's macro (no day or amount here).
-- Grain: one row per data line.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text, trim(c1) AS user_name, trim(c2) AS group_name, cfg.missing
    FROM src_fields, ingest_cfg cfg
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            ELSE empty_fields([user_name, group_name], ['user', 'group'])
        END AS reason
    FROM f
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       user_name, group_name
FROM judged;
