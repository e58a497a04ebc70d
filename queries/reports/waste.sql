-- reports/waste: idle savings and open-product waste per user and product
-- (data contract `waste`, R22).
-- Rules: R22 (tokens of the windows opened in the period by three replays
-- of R5-R12 with no balance limit, registered by app/reports/waste.py as
-- `waste_replays`: T = as_written, T_off = idle_never, T_on = idle_always;
-- idle_savings_tokens = T_off - T, open_waste_tokens = T - T_on), R9/R10
-- (windows and tokens charged, from `charges`), R4 (windows opened after
-- $as_of are not counted).
-- Filters: $since/$until (inclusive, on the UTC day of window_start).
-- A user and product is listed when any of the four numbers is not zero.
-- Grain: one row per user x product, sorted by open_waste_tokens
-- descending, user, product.
WITH replays AS (
    SELECT user_id, product_id,
           sum(tokens) FILTER (WHERE replay = 'as_written')  AS t,
           sum(tokens) FILTER (WHERE replay = 'idle_never')  AS t_off,
           sum(tokens) FILTER (WHERE replay = 'idle_always') AS t_on
    FROM waste_replays w
    WHERE w.window_start <= $as_of
      AND ($since IS NULL OR CAST(timezone('UTC', w.window_start) AS DATE) >= CAST($since AS DATE))
      AND ($until IS NULL OR CAST(timezone('UTC', w.window_start) AS DATE) <= CAST($until AS DATE))
    GROUP BY user_id, product_id
),
charged AS (
    SELECT c.user_id, c.product_id, count(*) AS windows, sum(c.tokens) AS tokens
    FROM charges c
    WHERE c.window_start <= $as_of
      AND ($since IS NULL OR CAST(timezone('UTC', c.window_start) AS DATE) >= CAST($since AS DATE))
      AND ($until IS NULL OR CAST(timezone('UTC', c.window_start) AS DATE) <= CAST($until AS DATE))
    GROUP BY c.user_id, c.product_id
),
joined AS (
    SELECT coalesce(r.user_id, c.user_id) AS user_id, coalesce(r.product_id, c.product_id) AS product_id,
           coalesce(c.windows, 0) AS windows, coalesce(c.tokens, 0) AS tokens,
           coalesce(r.t_off, 0) - coalesce(r.t, 0) AS idle_savings_tokens,
           coalesce(r.t, 0) - coalesce(r.t_on, 0) AS open_waste_tokens
    FROM replays r FULL JOIN charged c ON c.user_id = r.user_id AND c.product_id = r.product_id
)
SELECT CAST(u.user_name AS VARCHAR)          AS "user",
       CAST(p.product AS VARCHAR)            AS product,
       CAST(j.windows AS BIGINT)             AS windows,
       CAST(j.tokens AS BIGINT)              AS tokens,
       CAST(j.idle_savings_tokens AS BIGINT) AS idle_savings_tokens,
       CAST(j.open_waste_tokens AS BIGINT)   AS open_waste_tokens
FROM joined j
JOIN users u ON u.user_id = j.user_id
JOIN products p ON p.product_id = j.product_id
WHERE j.windows <> 0 OR j.tokens <> 0 OR j.idle_savings_tokens <> 0 OR j.open_waste_tokens <> 0
ORDER BY open_waste_tokens DESC, "user", product;
