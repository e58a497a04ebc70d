-- dashboard/balance_history: a team's balance at the end of each day, with
-- the tokens bought and forfeited and the packs that expired that day (the
-- Balances chart), read from the one model of pack state.
-- Rules: R15 (balance = remaining tokens of the packs valid at the day's
-- last instant), R13 (a pack is bought on purchased_on and forfeits what is
-- left on expires_on), R14, R4 (the as-of day ends at $as_of, so its
-- balance is the Balances table's): see v_pack_state_daily.
-- Grain: one row per day in [$first_day, $last_day], days without packs
-- included. $team: NULL for all teams together.
WITH days AS (
    SELECT CAST(d AS DATE) AS day
    FROM generate_series(CAST($first_day AS DATE), CAST($last_day AS DATE), INTERVAL 1 DAY) g(d)
), s AS (
    SELECT *
    FROM v_pack_state_daily($as_of, $first_day, $last_day)
    WHERE $team IS NULL OR team = $team
)
SELECT days.day,
       CAST(coalesce(sum(s.remaining) FILTER (WHERE s.valid_now), 0) AS BIGINT) AS balance,
       CAST(coalesce(sum(s.tokens) FILTER (WHERE s.purchased_on = days.day), 0) AS BIGINT) AS purchased,
       CAST(coalesce(sum(s.forfeited) FILTER (WHERE s.expires_on = days.day), 0) AS BIGINT) AS forfeited,
       CAST(count(s.pack_id) FILTER (WHERE s.expires_on = days.day) AS BIGINT) AS expired_packs
FROM days
LEFT JOIN s USING (day)
GROUP BY days.day
ORDER BY days.day;
