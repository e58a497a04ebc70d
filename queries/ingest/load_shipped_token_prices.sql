-- Shipped token unit prices by pack size (data/token_prices.csv) for R20. $1: path.
INSERT INTO token_prices_shipped
SELECT pack_size, unit_price, currency, source
FROM read_csv($1, header = true, auto_detect = false, columns = {
    'pack_size': 'INTEGER', 'unit_price': 'DECIMAL(18,4)',
    'currency': 'VARCHAR', 'source': 'VARCHAR'});
