-- Typed, checked rows of the vendor's usage export (data contract
-- "vendor_usage"; R24). c1..c6 = team, user, day, product, tokens,
-- product_code (the older enterprise format's productLineCode: its rows are
-- aggregates per product and day, without team or user).
-- day: YYYY-MM-DD, YYYY-MM-DD HH:MM:SS (time ignored) or MM/DD/YYYY.
-- tokens: a non-negative integer or a decimal with a zero fraction (140.0;
-- 140,0 where ';' separates the fields). The product is mapped to a code when
-- the file is stored (vendor_products.sql: the store's rates and aliases).
-- The empty-field check is value_checks.sql's macro (an aggregate row needs
-- no team or user; product or product_code names the product); is_day and
-- is_amount do not apply: the export writes days three ways and tokens
-- as whole numbers, checked here.
-- Grain: one row per data line.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           nullif(trim(c1), '') AS team, nullif(trim(c2), '') AS user_name,
           coalesce(trim(c3), '') AS day_text, nullif(trim(c4), '') AS product_text,
           coalesce(trim(c5), '') AS tokens_text, nullif(trim(c6), '') AS code_text,
           cfg.pos[6] IS NOT NULL AS aggregate, cfg.missing
    FROM src_fields, ingest_cfg cfg
), typed AS (
    SELECT *,
        CASE
            WHEN regexp_full_match(day_text, '\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?') THEN
                try_cast(left(day_text, 10) AS DATE)
            WHEN regexp_full_match(day_text, '\d{1,2}/\d{1,2}/\d{4}') THEN
                CAST(try_strptime(day_text, '%m/%d/%Y') AS DATE)
        END AS day,
        regexp_full_match(tokens_text, '\d{1,15}([.,]0+)?') AS tokens_whole,
        CASE WHEN aggregate THEN empty_fields([day_text, coalesce(product_text, code_text), tokens_text],
                                              ['day', 'product', 'tokens'])
             ELSE empty_fields([team, user_name, day_text, coalesce(product_text, code_text), tokens_text],
                               ['team', 'user', 'day', 'product', 'tokens'])
        END AS empty_reason
    FROM f
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            WHEN empty_reason IS NOT NULL THEN empty_reason
            WHEN day IS NULL THEN
                'day ' || left(day_text, 80) || ' is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or MM/DD/YYYY)'
            WHEN regexp_full_match(tokens_text, '-\s*\d+([.,]\d*)?') THEN
                'tokens ' || left(tokens_text, 80) || ' is negative'
            WHEN NOT tokens_whole THEN
                'tokens ' || left(tokens_text, 80) || ' is not a whole number of tokens'
        END AS reason
    FROM typed
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: the product check may reject it
       team, user_name, product_text, code_text, aggregate,
       CASE WHEN reason IS NULL THEN day END AS day,
       CASE WHEN reason IS NULL THEN CAST(regexp_extract(tokens_text, '^\d+') AS BIGINT) END AS tokens,
       CAST(NULL AS VARCHAR) AS product  -- the code, set by vendor_products.sql
FROM judged;
