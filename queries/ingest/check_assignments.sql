-- Typed, checked assignments (data contract "Assignments"; R12, R17).
-- c1..c4 = team, user, product (a code or '*'), assigned_on (YYYY-MM-DD).
-- Grain: one row per data line.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           trim(c1) AS team, trim(c2) AS user_name, trim(c3) AS product, trim(c4) AS assigned_text,
           cfg.missing
    FROM src_fields, ingest_cfg cfg
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            WHEN coalesce(team, '') = '' OR coalesce(user_name, '') = '' OR coalesce(product, '') = ''
              OR coalesce(assigned_text, '') = '' THEN
                'empty required field(s): ' || concat_ws(', ',
                    CASE WHEN coalesce(team, '') = '' THEN 'team' END,
                    CASE WHEN coalesce(user_name, '') = '' THEN 'user' END,
                    CASE WHEN coalesce(product, '') = '' THEN 'product' END,
                    CASE WHEN coalesce(assigned_text, '') = '' THEN 'assigned_on' END)
            WHEN NOT regexp_full_match(assigned_text, '\d{4}-\d{2}-\d{2}') OR try_cast(assigned_text AS DATE) IS NULL THEN
                'assigned_on ' || left(assigned_text, 80) || ' is not a date (YYYY-MM-DD)'
        END AS reason
    FROM f
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       team, user_name, product,
       CASE WHEN reason IS NULL THEN CAST(assigned_text AS DATE) END AS assigned_on
FROM judged;
