-- New product values of the accepted rows of `checked` get the next dense ids
-- (architecture: dictionaries, ids from 1, never changed); in name order so
-- that the same input gives the same ids. Grain: one row per new name.
INSERT INTO products
SELECT (SELECT coalesce(max(product_id), 0) FROM products) + row_number() OVER (ORDER BY name), name
FROM (
    SELECT DISTINCT product AS name FROM checked
    WHERE reason IS NULL AND product IS NOT NULL AND product <> '*'
    EXCEPT
    SELECT product FROM products
) AS fresh;
