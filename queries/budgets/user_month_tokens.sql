-- budgets/user_month_tokens: each user's tokens charged in the UTC month
-- of $as_of, up to it (R9/R10 windows, R4). Filter: $since (the month's
-- first day).
-- Grain: one row per user with charges, sorted by user.
SELECT CAST(u.user_name AS VARCHAR) AS "user", CAST(sum(c.tokens) AS BIGINT) AS tokens
FROM charges c JOIN users u ON u.user_id = c.user_id
WHERE c.window_start >= CAST($since AS TIMESTAMPTZ) AND c.window_start <= $as_of
GROUP BY u.user_name
ORDER BY "user";
