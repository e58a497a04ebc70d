-- reports/explain_subject: the user and product `flexdash explain` is
-- asked about, matched without regard to case (an exact match first), with
-- their ids and names as stored (NULL when the store has never seen them).
-- Rules: none (dictionaries). Grain: one row.
SELECT u.user_id, u.user_name, p.product_id, p.product
FROM (SELECT 1) one
LEFT JOIN (SELECT user_id, user_name FROM users WHERE lower(user_name) = lower($user)
           ORDER BY user_name = $user DESC, user_name LIMIT 1) u ON TRUE
LEFT JOIN (SELECT product_id, product FROM products WHERE lower(product) = lower($product)
           ORDER BY product = $product DESC, product LIMIT 1) p ON TRUE;
