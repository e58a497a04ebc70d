-- reports/token_prices: the token price table (data/token_prices.csv):
-- what a pack of each size costs (R23's prices; the plan buys from it).
-- Grain: one row per pack size x currency, sorted by currency, pack_size.
SELECT CAST(pack_size AS BIGINT) AS pack_size,
       CAST(unit_price AS DECIMAL(18, 4)) AS unit_price,
       CAST(currency AS VARCHAR) AS currency
FROM token_prices_shipped
ORDER BY currency, pack_size;
