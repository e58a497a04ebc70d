-- dashboard/balance_history: a team's balance at the end of each day, with
-- the tokens bought and forfeited and the packs that expired that day (the Balances chart).
-- Rules: R13 (validity from v_packs: a pack counts from purchased_on and
-- forfeits what is left on expires_on), R14 (allocations drawn by
-- charges), R15 (balance = remaining tokens of valid packs).
-- Grain: one row per day in [$first_day, $last_day].
-- $team: NULL for all teams together; $as_of bounds the allocations (R4).
WITH p AS (
    SELECT pack_id, tokens, purchased_on, expires_on
    FROM v_packs
    WHERE $team IS NULL OR team = $team
), drawn AS (
    -- tokens drawn from each pack per day
    SELECT a.pack_id, CAST(c.window_start AS DATE) AS day, sum(a.tokens) AS tokens
    FROM allocations a
    JOIN charges c USING (charge_id)
    JOIN p USING (pack_id)
    WHERE c.window_start <= $as_of
    GROUP BY ALL
), days AS (
    SELECT CAST(d AS DATE) AS day
    FROM generate_series(CAST($first_day AS DATE), CAST($last_day AS DATE), INTERVAL 1 DAY) g(d)
), used AS (
    -- drawn from each pack up to the end of each day
    SELECT days.day, p.pack_id, p.tokens, p.purchased_on, p.expires_on,
           coalesce((SELECT sum(tokens) FROM drawn
                     WHERE drawn.pack_id = p.pack_id AND drawn.day <= days.day), 0) AS consumed
    FROM days JOIN p ON p.purchased_on <= days.day
)
SELECT days.day,
       CAST(coalesce(sum(u.tokens - u.consumed) FILTER (WHERE u.expires_on > days.day), 0) AS BIGINT) AS balance,
       CAST(coalesce(sum(u.tokens) FILTER (WHERE u.purchased_on = days.day), 0) AS BIGINT) AS purchased,
       CAST(coalesce(sum(u.tokens - u.consumed) FILTER (WHERE u.expires_on = days.day), 0) AS BIGINT) AS forfeited,
       CAST(count(u.pack_id) FILTER (WHERE u.expires_on = days.day) AS BIGINT) AS expired_packs
FROM days
LEFT JOIN used u USING (day)
GROUP BY days.day
ORDER BY days.day;
