-- engine/name_places: each user's and product's place in R16 order (user
-- name, then product code), so the vendor's billed charges (R24) and the
-- logs' windows of one instant are numbered together by name, not by source
-- or dense id (app/engine/billed.py merge_billed).
-- Grain: one row per user and per product (kind says which).
SELECT CAST('user' AS VARCHAR) AS kind, CAST(user_id AS BIGINT) AS id,
       CAST(rank() OVER (ORDER BY user_name) AS BIGINT) AS place
FROM users
UNION ALL
SELECT 'product', CAST(product_id AS BIGINT), CAST(rank() OVER (ORDER BY product) AS BIGINT)
FROM products;
