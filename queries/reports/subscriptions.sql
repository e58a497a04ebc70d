-- reports/subscriptions: Flex or a named subscription, per user and product
-- (data contract `subscriptions`, R20).
-- Rules: R20 (flex_year: days, tokens, flex_cost of the year up to $as_of,
-- all teams together, coverage_days, annual_cost; break_even_days =
-- ceil(price / (rate in force at $as_of x list token price));
-- recommendation and saving), R23 (cost), R10 (rate in force), R4.
-- Decisions: one row per currency the charges were paid in (days = charges
-- that drew from packs in it, tokens = tokens drawn in it); a subscription
-- price in another currency is no price for that row (no_price).
-- Grain: one row per user x product x currency, sorted by saving
-- descending (no saving last), user, product.
WITH rate_now AS (
    SELECT product_id, tokens_per_day FROM stg_rate_periods
    WHERE product_id IS NOT NULL AND rate_in_force($as_of, period_start, period_end)
),
rows AS (
    SELECT u.user_name AS "user", p.product, r.days, r.tokens, r.flex_cost, r.currency,
           r.coverage_days, r.annual_cost,
           sp.annual_subscription_price AS subscription_price,
           CAST(ceil(CAST(sp.annual_subscription_price AS DOUBLE)
                     / (rn.tokens_per_day * CAST(lp.unit_price AS DOUBLE))) AS BIGINT) AS break_even_days
    FROM flex_year($as_of) r
    JOIN users u ON u.user_id = r.user_id
    JOIN products p ON p.product_id = r.product_id
    LEFT JOIN stg_prices sp ON sp.product = p.product AND sp.currency = r.currency
    LEFT JOIN rate_now rn ON rn.product_id = r.product_id
    LEFT JOIN v_list_token_price lp ON lp.currency = r.currency
)
SELECT CAST("user" AS VARCHAR)                           AS "user",
       CAST(product AS VARCHAR)                          AS product,
       CAST(days AS BIGINT)                              AS days,
       CAST(tokens AS BIGINT)                            AS tokens,
       CAST(round(flex_cost, 2) AS DECIMAL(18, 2))       AS flex_cost,
       CAST(currency AS VARCHAR)                         AS currency,
       CAST(coverage_days AS BIGINT)                     AS coverage_days,
       CAST(round(annual_cost, 2) AS DECIMAL(18, 2))     AS annual_cost,
       CAST(subscription_price AS DECIMAL(18, 2))        AS subscription_price,
       CAST(CASE WHEN subscription_price IS NOT NULL THEN break_even_days END AS BIGINT) AS break_even_days,
       CAST(CASE WHEN subscription_price IS NULL THEN 'no_price'
                 WHEN coverage_days < 90 THEN 'insufficient_history'
                 WHEN annual_cost > subscription_price THEN 'subscription'
                 ELSE 'flex' END AS VARCHAR)             AS recommendation,
       CAST(round(annual_cost - subscription_price, 2) AS DECIMAL(18, 2)) AS saving
FROM rows
ORDER BY saving DESC NULLS LAST, "user", product, currency;
