-- Typed, checked annual subscription prices (data contract "Prices"; R20).
-- c1..c3 = product, annual_subscription_price (non-negative decimal),
-- currency (optional 3-letter code, default USD). Grain: one row per data line.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           trim(c1) AS product, trim(c2) AS price_text,
           upper(coalesce(nullif(trim(c3), ''), 'USD')) AS currency, cfg.missing
    FROM src_fields, ingest_cfg cfg
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            WHEN coalesce(product, '') = '' OR coalesce(price_text, '') = '' THEN
                'empty required field(s): ' || concat_ws(', ',
                    CASE WHEN coalesce(product, '') = '' THEN 'product' END,
                    CASE WHEN coalesce(price_text, '') = '' THEN 'annual_subscription_price' END)
            WHEN NOT regexp_full_match(price_text, '\d{1,15}(\.\d{1,2})?') THEN
                'annual_subscription_price ' || left(price_text, 80) || ' is not a non-negative amount'
            WHEN NOT regexp_full_match(currency, '[A-Z]{3}') THEN
                'currency ' || left(currency, 80) || ' is not a 3-letter code'
        END AS reason
    FROM f
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       product,
       CASE WHEN reason IS NULL THEN CAST(price_text AS DECIMAL(18, 2)) END AS annual_subscription_price,
       currency
FROM judged;
