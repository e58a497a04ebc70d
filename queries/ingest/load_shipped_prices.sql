-- Shipped annual subscription prices (data/prices.csv) for R20. $1: path.
INSERT INTO prices_shipped
SELECT product, annual_subscription_price, currency, source
FROM read_csv($1, header = true, auto_detect = false, columns = {
    'product': 'VARCHAR', 'annual_subscription_price': 'DECIMAL(18,2)',
    'currency': 'VARCHAR', 'source': 'VARCHAR'});
