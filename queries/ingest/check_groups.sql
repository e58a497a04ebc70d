-- Typed, checked user groups (data contract "Groups"; R25).
-- c1..c2 = user, group (cost centre, project or department).
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
            WHEN coalesce(user_name, '') = '' OR coalesce(group_name, '') = '' THEN
                'empty required field(s): ' || concat_ws(', ',
                    CASE WHEN coalesce(user_name, '') = '' THEN 'user' END,
                    CASE WHEN coalesce(group_name, '') = '' THEN 'group' END)
        END AS reason
    FROM f
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       user_name, group_name
FROM judged;
