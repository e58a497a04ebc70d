-- Accepted annual subscription prices into `prices_imported` (R20); the
-- first line of a product wins. $1: import_id. Grain: one row per product.
INSERT INTO prices_imported
SELECT product, annual_subscription_price, currency, $1
FROM checked WHERE reason IS NULL
QUALIFY row_number() OVER (PARTITION BY product ORDER BY line) = 1;
