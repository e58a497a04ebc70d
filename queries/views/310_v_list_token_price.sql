-- v_list_token_price: the list price of one token (R20): the unit price of
-- the smallest pack size in the token price table (data/token_prices.csv).
-- Grain: one row per currency of the table (normally one).
CREATE OR REPLACE VIEW v_list_token_price AS
SELECT CAST(currency AS VARCHAR) AS currency,
       CAST(arg_min(unit_price, pack_size) AS DECIMAL(18, 4)) AS unit_price
FROM token_prices_shipped
GROUP BY currency;
