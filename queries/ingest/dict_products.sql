-- New products names of the file (file_names: the accepted rows' names;
-- '*', every product in an assignment, is no product) get the next dense
-- ids (architecture: dictionaries, ids from 1, never changed); in name
-- order so that the same input gives the same ids.
-- Grain: one row per new name.
INSERT INTO products
SELECT (SELECT coalesce(max(product_id), 0) FROM products) + row_number() OVER (ORDER BY name), name
FROM (
    SELECT name FROM file_names WHERE dict = 'products' AND name <> '*'
    EXCEPT
    SELECT product FROM products
) AS fresh;
