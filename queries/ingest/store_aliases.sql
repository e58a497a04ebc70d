-- Accepted aliases into product_aliases_imported (R24): the file's first line
-- for an alias (case-insensitive); one already stored for the same product
-- is a duplicate (replace_aliases.sql dropped those for another product).
-- $1: import_id. Grain: one row per stored alias.
INSERT INTO product_aliases_imported
SELECT c.alias, c.product, c.source, $1
FROM (
    SELECT * FROM checked WHERE reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY lower(alias) ORDER BY line) = 1
) c
WHERE NOT EXISTS (SELECT 1 FROM product_aliases_imported a WHERE lower(a.alias) = lower(c.alias));
