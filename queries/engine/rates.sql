-- engine/rates: daily token rates by product and effective_from, as arrays.
-- Rules: R10 (the row with the latest effective_from <= u applies; before
-- the first row, the first row: see stg_rate_periods).
-- Grain: one row per product x effective_from, sorted.
SELECT CAST(product_id AS BIGINT) AS product_id,
       epoch_us(CAST(effective_from AS TIMESTAMPTZ)) AS effective_us,
       CAST(tokens_per_day AS BIGINT) AS tokens_per_day
FROM stg_rate_periods
WHERE product_id IS NOT NULL
ORDER BY product_id, effective_from;
