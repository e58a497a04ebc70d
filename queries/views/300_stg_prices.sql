-- stg_prices: the annual single-user subscription price of each product
-- (R20): an imported price replaces the shipped one (data/prices.csv).
-- Grain: one row per product.
CREATE OR REPLACE VIEW stg_prices AS
SELECT CAST(product AS VARCHAR) AS product,
       CAST(annual_subscription_price AS DECIMAL(18, 2)) AS annual_subscription_price,
       CAST(currency AS VARCHAR) AS currency,
       CAST(origin AS VARCHAR) AS origin
FROM (
    SELECT product, annual_subscription_price, currency, 'imported' AS origin FROM prices_imported
    UNION ALL
    SELECT product, annual_subscription_price, currency, 'shipped' FROM prices_shipped
    WHERE product NOT IN (SELECT product FROM prices_imported)
) AS p;
