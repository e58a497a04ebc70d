-- reports/explain_names: every user name and product code, to suggest the
-- nearest when `flexdash explain` is given one the store does not know.
-- Rules: none (dictionaries). Grain: one row per name.
SELECT CAST('user' AS VARCHAR) AS kind, CAST(user_name AS VARCHAR) AS name FROM users
UNION ALL
SELECT 'product', product FROM products;
