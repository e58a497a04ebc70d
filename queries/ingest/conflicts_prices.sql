-- Prices given twice for the same product (R20: one annual price per
-- product) with different content: the later line is rejected. The same
-- content again is a duplicate. Grain: one row per rejected line.
CREATE OR REPLACE TEMP TABLE conflicts AS
WITH good AS (
    SELECT line, product, {'price': annual_subscription_price, 'currency': currency} AS content
    FROM checked WHERE reason IS NULL
), firsts AS (
    SELECT product, min(line) AS first_line, arg_min(content, line) AS content
    FROM good GROUP BY product
)
SELECT g.line, 'price of ' || g.product || ' appears again with different content (first on line '
           || f.first_line || ')' AS reason
FROM good g JOIN firsts f USING (product)
WHERE g.line > f.first_line AND g.content IS DISTINCT FROM f.content;
