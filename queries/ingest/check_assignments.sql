-- Typed, checked assignments (data contract "Assignments"; R12, R17).
-- c1..c4 = team, user, product (a code or '*'), assigned_on (YYYY-MM-DD).
-- Grain: one row per data line.
-- The shared checks (empty fields, days, amounts) are the macros of
-- value_checks.sql.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           trim(c1) AS team, trim(c2) AS user_name, trim(c3) AS product, trim(c4) AS assigned_text,
           cfg.missing
    FROM src_fields, ingest_cfg cfg
), e AS (
    SELECT *, empty_fields([team, user_name, product, assigned_text],
                           ['team', 'user', 'product', 'assigned_on']) AS empty_reason
    FROM f
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            WHEN empty_reason IS NOT NULL THEN empty_reason
            WHEN NOT is_day(assigned_text) THEN
                'assigned_on ' || left(assigned_text, 80) || ' is not a date (YYYY-MM-DD)'
        END AS reason
    FROM e
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       team, user_name, product,
       CASE WHEN reason IS NULL THEN CAST(assigned_text AS DATE) END AS assigned_on
FROM judged;
