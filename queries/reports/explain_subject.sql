-- reports/explain_subject: the ids of the user and product `flexdash
-- explain` is asked about (NULL when the store has never seen the name).
-- Rules: none (dictionaries). Grain: one row.
SELECT (SELECT user_id FROM users WHERE user_name = $user)      AS user_id,
       (SELECT product_id FROM products WHERE product = $product) AS product_id;
