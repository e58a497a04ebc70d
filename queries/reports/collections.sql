-- reports/collections: what a collection subscription would cost a user
-- who works in several of its products, against what Flex cost them (R20's
-- comparison for collections; prices from data/collection_prices.csv, each
-- row with its source).
-- Rules: R20 (flex_year: the year up to $as_of, all teams, annual_cost
-- scaled by coverage_days; recommendation as for one product:
-- insufficient_history when coverage_days < 90, collection when the annual
-- cost of its products exceeds the collection's price, else flex), R23, R4.
-- A user is listed for a collection when they were charged for two or more
-- of its products in the year, in the collection price's currency.
-- Grain: one row per user x collection x currency, sorted by saving
-- descending, user, collection.
WITH used AS (
    SELECT fy.user_id, m.collection, fy.currency,
           count(DISTINCT fy.product_id) AS products,
           string_agg(DISTINCT p.product, ' ' ORDER BY p.product) AS product_list,
           sum(fy.flex_cost) AS flex_cost, sum(fy.annual_cost) AS annual_cost,
           any_value(fy.coverage_days) AS coverage_days,
           any_value(m.annual_subscription_price) AS collection_price
    FROM flex_year($as_of) fy
    JOIN products p ON p.product_id = fy.product_id
    JOIN collection_prices_shipped m ON m.product = p.product AND m.currency = fy.currency
    GROUP BY fy.user_id, m.collection, fy.currency
    HAVING count(DISTINCT fy.product_id) >= 2
)
SELECT CAST(u.user_name AS VARCHAR)                       AS "user",
       CAST(x.collection AS VARCHAR)                      AS collection,
       CAST(x.product_list AS VARCHAR)                    AS products,
       CAST(round(x.flex_cost, 2) AS DECIMAL(18, 2))      AS flex_cost,
       CAST(x.currency AS VARCHAR)                        AS currency,
       CAST(x.coverage_days AS BIGINT)                    AS coverage_days,
       CAST(round(x.annual_cost, 2) AS DECIMAL(18, 2))    AS annual_cost,
       CAST(x.collection_price AS DECIMAL(18, 2))         AS collection_price,
       CAST(CASE WHEN x.coverage_days < 90 THEN 'insufficient_history'
                 WHEN x.annual_cost > x.collection_price THEN 'collection'
                 ELSE 'flex' END AS VARCHAR)              AS recommendation,
       CAST(round(x.annual_cost - x.collection_price, 2) AS DECIMAL(18, 2)) AS saving
FROM used x JOIN users u ON u.user_id = x.user_id
ORDER BY saving DESC, "user", collection;
