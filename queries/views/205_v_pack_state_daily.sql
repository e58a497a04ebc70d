-- v_pack_state_daily(as_of, first_day, last_day): consumed, forfeited and
-- remaining tokens of each pack at the end of each day, the one model of
-- pack state (v_pack_state(as_of) is its as-of day).
-- Rules: R13 (valid from valid_from until, not including, valid_until;
-- tokens left at expiry are forfeited), R14 (consumed = what allocations of
-- charges opened by the instant drew), R15 (remaining counts toward the
-- balance while the pack is valid), R4 (never past as_of).
-- instant: the day's last instant (23:59:59.999999 UTC, DuckDB's
-- resolution, so a pack bought the next day is not yet bought and one
-- expiring the next day is still valid), capped at as_of: on the as-of day
-- instant = as_of. consumed + forfeited + remaining = tokens.
-- bought: valid_from <= instant; later packs are listed with bought false
-- and nothing drawn. Reads charges/allocations, so TEMP tables made by
-- app.engine.use_results_as_of are honoured.
-- Grain: one row per day in [first_day, last_day] and pack.
CREATE OR REPLACE MACRO v_pack_state_daily(as_of, first_day, last_day) AS TABLE
WITH days AS (
    SELECT CAST(g.d AS DATE) AS day,
           least(CAST(CAST(g.d AS DATE) + 1 AS TIMESTAMPTZ) - INTERVAL 1 MICROSECOND,
                 CAST(as_of AS TIMESTAMPTZ)) AS instant
    FROM generate_series(CAST(first_day AS DATE), CAST(last_day AS DATE), INTERVAL 1 DAY) g(d)
), drawn AS (
    -- tokens drawn from each pack by the end of each UTC day it was drawn
    -- on (day number since 1970: cheaper than a time-zone-aware date cast)
    SELECT pack_id, day_no, sum(tokens) OVER (PARTITION BY pack_id ORDER BY day_no) AS consumed
    FROM (
        SELECT a.pack_id, epoch_us(c.window_start) // 86400000000 AS day_no, sum(a.tokens) AS tokens
        FROM allocations a JOIN charges c ON c.charge_id = a.charge_id
        WHERE c.window_start <= CAST(as_of AS TIMESTAMPTZ)
        GROUP BY ALL
    )
), grid AS (
    SELECT days.day, days.instant, p.*
    FROM days CROSS JOIN v_packs p
), state AS (
    SELECT g.*, CAST(coalesce(d.consumed, 0) AS BIGINT) AS consumed
    FROM grid g
    ASOF LEFT JOIN drawn d ON d.pack_id = g.pack_id AND epoch_us(g.instant) // 86400000000 >= d.day_no
)
SELECT day, instant, pack_id, team_id, team, tokens, purchased_on, expires_on,
       valid_from, valid_until, draw_rank, price, currency, consumed,
       CAST(CASE WHEN valid_until <= instant THEN tokens - consumed ELSE 0 END AS BIGINT) AS forfeited,
       CAST(CASE WHEN valid_until <= instant THEN 0 ELSE tokens - consumed END AS BIGINT) AS remaining,
       CAST(valid_from <= instant AS BOOLEAN) AS bought,
       CAST(valid_from <= instant AND instant < valid_until AS BOOLEAN) AS valid_now
FROM state;
