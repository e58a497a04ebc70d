-- The vendor's product names to rate-table codes (data contract
-- "vendor_usage"; R24), matched case-insensitively with blanks collapsed:
-- a code of the rate table, then a rate's name, then an imported alias, then
-- a shipped one. A row whose name maps to nothing is rejected
-- `unknown_product`; the older enterprise format's rows (aggregate) try their
-- productLineCode first and keep it as their code when nothing maps, so every
-- row of that format lands. Grain: one row per accepted line.
UPDATE checked SET product = m.product, reason = m.reason
FROM (
    WITH names AS (
        SELECT product AS key, product, 1 AS rank FROM stg_rates
        UNION ALL SELECT name, product, 2 FROM stg_rates
        UNION ALL SELECT alias, product, 3 FROM product_aliases_imported
        UNION ALL SELECT alias, product, 4 FROM product_aliases_shipped
    ), lookup AS (
        SELECT lower(regexp_replace(trim(key), '\s+', ' ', 'g')) AS key, arg_min(product, rank) AS product
        FROM names WHERE key IS NOT NULL GROUP BY 1
    ), mapped AS (
        SELECT c.line, coalesce(bycode.product, byname.product, CASE WHEN c.aggregate THEN c.code_text END) AS product
        FROM checked c
        LEFT JOIN lookup bycode ON bycode.key = lower(regexp_replace(c.code_text, '\s+', ' ', 'g'))
        LEFT JOIN lookup byname ON byname.key = lower(regexp_replace(c.product_text, '\s+', ' ', 'g'))
        WHERE c.reason IS NULL
    )
    SELECT line, product, CASE WHEN product IS NULL THEN 'unknown_product' END AS reason FROM mapped
) AS m
WHERE checked.line = m.line;
