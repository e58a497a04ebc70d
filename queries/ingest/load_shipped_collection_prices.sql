-- Shipped collection prices (data/collection_prices.csv) for R20's
-- collection comparison: one row per collection x member product. $1: path.
INSERT INTO collection_prices_shipped
SELECT collection, product, annual_subscription_price, currency, source
FROM read_csv($1, header = true, auto_detect = false, columns = {
    'collection': 'VARCHAR', 'product': 'VARCHAR', 'annual_subscription_price': 'DECIMAL(18,2)',
    'currency': 'VARCHAR', 'source': 'VARCHAR'});
