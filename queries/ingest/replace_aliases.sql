-- An alias imported again for another product: the earlier one goes
-- (store_aliases.sql then stores the file's). Grain: one row per replaced alias.
DELETE FROM product_aliases_imported a
USING (SELECT alias, product FROM checked WHERE reason IS NULL) c
WHERE lower(a.alias) = lower(c.alias) AND a.product <> c.product;
