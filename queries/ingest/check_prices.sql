-- Typed, checked annual subscription prices (data contract "Prices"; R20).
-- c1..c3 = product, annual_subscription_price (non-negative decimal),
-- currency (optional 3-letter code, default USD). Grain: one row per data line.
-- The shared checks (empty fields, days, amounts) are the macros of
-- value_checks.sql.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           trim(c1) AS product, trim(c2) AS price_text,
           upper(coalesce(nullif(trim(c3), ''), 'USD')) AS currency, cfg.missing
    FROM src_fields, ingest_cfg cfg
), e AS (
    SELECT *, empty_fields([product, price_text], ['product', 'annual_subscription_price']) AS empty_reason
    FROM f
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            WHEN empty_reason IS NOT NULL THEN empty_reason
            WHEN NOT is_amount(price_text) THEN
                'annual_subscription_price ' || left(price_text, 80) || ' is not a non-negative amount'
            WHEN NOT is_currency(currency) THEN
                'currency ' || left(currency, 80) || ' is not a 3-letter code'
        END AS reason
    FROM e
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       product,
       CASE WHEN reason IS NULL THEN CAST(price_text AS DECIMAL(18, 2)) END AS annual_subscription_price,
       currency
FROM judged;
