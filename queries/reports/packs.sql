-- reports/packs: every token pack bought by $as_of, with its state then
-- (data contract `packs`).
-- Rules: R13 (valid from purchased_on 00:00 UTC until expires_on 00:00 UTC;
-- tokens left at expiry are forfeited), R14 (draw_rank from v_packs: expiry,
-- size, pack_id), R4 (consumed counts the allocations of charges whose
-- window opened at or before $as_of; packs bought after $as_of are not
-- shown). consumed + forfeited + remaining = tokens.
-- Filters: $team (team name); $since/$until (inclusive, on purchased_on).
-- Grain: one row per pack, sorted by team, draw_rank.
WITH shown AS (
    SELECT p.pack_id, p.team, p.tokens, p.purchased_on, p.expires_on,
           p.valid_until, p.draw_rank
    FROM v_packs p
    WHERE p.valid_from <= $as_of
      AND ($team IS NULL OR p.team = $team)
      AND ($since IS NULL OR p.purchased_on >= CAST($since AS DATE))
      AND ($until IS NULL OR p.purchased_on <= CAST($until AS DATE))
),
drawn AS (
    SELECT a.pack_id, sum(a.tokens) AS consumed
    FROM allocations a
    JOIN charges c ON c.charge_id = a.charge_id
    WHERE c.window_start <= $as_of
      AND a.pack_id IN (SELECT pack_id FROM shown)
    GROUP BY a.pack_id
)
SELECT CAST(s.pack_id AS VARCHAR)   AS pack_id,
       CAST(s.team AS VARCHAR)      AS team,
       CAST(s.tokens AS BIGINT)     AS tokens,
       CAST(s.purchased_on AS DATE) AS purchased_on,
       CAST(s.expires_on AS DATE)   AS expires_on,
       CAST(s.draw_rank AS BIGINT)  AS draw_rank,
       CAST(coalesce(d.consumed, 0) AS BIGINT) AS consumed,
       CAST(CASE WHEN s.valid_until <= $as_of THEN s.tokens - coalesce(d.consumed, 0) ELSE 0 END
            AS BIGINT) AS forfeited,
       CAST(CASE WHEN s.valid_until <= $as_of THEN 0 ELSE s.tokens - coalesce(d.consumed, 0) END
            AS BIGINT) AS remaining
FROM shown s
LEFT JOIN drawn d ON d.pack_id = s.pack_id
ORDER BY team, draw_rank;
