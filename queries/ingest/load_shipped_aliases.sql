-- Shipped product aliases (data/product_aliases.csv) into
-- product_aliases_shipped (R24: the vendor's display names to codes).
-- $1: path of the CSV. Schema pinned: no auto-detection.
INSERT INTO product_aliases_shipped
SELECT alias, product, source
FROM read_csv($1, header = true, auto_detect = false, columns = {
    'alias': 'VARCHAR', 'product': 'VARCHAR', 'source': 'VARCHAR'});
