-- flex_year(as_of): what each user paid Flex for each product over the
-- year up to as_of (R20): the charges of v_burn_window(as_of, 365), whose
-- window_start lies in (as_of - 365 days, as_of], all teams together, at their cost (R23,
-- v_charge_costs), with the history that year can be scaled by:
-- coverage_days = min(365, days from history_first_day to the as_of UTC
-- day, both counted). One row per currency the charges drew packs in (days
-- = charges that drew from packs in it, tokens = tokens drawn in it).
-- Read by the subscriptions and collections reports.
-- Grain: one row per user x product x currency with charges in the year.
CREATE OR REPLACE MACRO flex_year(as_of) AS TABLE
WITH recent AS (
    SELECT cc.user_id, cc.product_id, cc.currency,
           count(DISTINCT cc.charge_id) AS days,
           sum(cc.tokens) AS tokens,
           sum(cc.cost) AS flex_cost
    FROM v_charge_costs cc
    SEMI JOIN v_burn_window(as_of, days := 365) y ON y.charge_id = cc.charge_id
    GROUP BY ALL
),
coverage AS (
    SELECT least(365, date_diff('day', first_day, CAST(timezone('UTC', CAST(as_of AS TIMESTAMPTZ)) AS DATE)) + 1)
           AS coverage_days
    FROM history_first_day(CAST(as_of AS TIMESTAMPTZ))
)
SELECT r.user_id, r.product_id, r.currency, r.days, r.tokens, r.flex_cost,
       CAST(c.coverage_days AS BIGINT) AS coverage_days,
       r.flex_cost * 365 / c.coverage_days AS annual_cost
FROM recent r CROSS JOIN coverage c;
