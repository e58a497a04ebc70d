-- dashboard/pack_state: every pack with its draw order and state at $as_of.
-- Used only while app.reports (report packs) is unavailable; the same rules.
-- Rules: R13 (valid from purchased_on until purchased_on + 1 year; left
-- tokens forfeited at expiry), R14 (draw_rank: expiry, size, pack_id),
-- R15 (remaining of valid packs = balance), R4 (as of $as_of).
-- Grain: one row per pack.
WITH drawn AS (
    SELECT a.pack_id, sum(a.tokens) AS consumed
    FROM allocations a JOIN charges c USING (charge_id)
    WHERE c.window_start <= $as_of
    GROUP BY a.pack_id
), p AS (
    SELECT p.pack_id, t.team, p.tokens, p.purchased_on,
           CAST(p.purchased_on + INTERVAL 1 YEAR AS DATE) AS expires_on,
           coalesce(d.consumed, 0) AS consumed
    FROM packs p JOIN teams t USING (team_id) LEFT JOIN drawn d USING (pack_id)
)
SELECT CAST(pack_id AS VARCHAR) AS pack_id, CAST(team AS VARCHAR) AS team,
       CAST(tokens AS BIGINT) AS tokens, purchased_on, expires_on,
       CAST(row_number() OVER (PARTITION BY team ORDER BY expires_on, tokens, pack_id) AS BIGINT) AS draw_rank,
       CAST(consumed AS BIGINT) AS consumed,
       CAST(CASE WHEN CAST(expires_on AS TIMESTAMPTZ) <= $as_of THEN tokens - consumed ELSE 0 END AS BIGINT) AS forfeited,
       CAST(CASE WHEN CAST(expires_on AS TIMESTAMPTZ) <= $as_of THEN 0 ELSE tokens - consumed END AS BIGINT) AS remaining
FROM p
WHERE $team IS NULL OR team = $team
ORDER BY team, draw_rank;
