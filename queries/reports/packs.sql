-- reports/packs: every token pack bought by $as_of, with its state then
-- (data contract `packs`), from v_pack_state.
-- Rules: R13 (validity; tokens left at expiry are forfeited), R14
-- (draw_rank: expiry, size, pack_id), R4 (consumed counts the allocations
-- of charges whose window opened at or before $as_of; packs bought after
-- $as_of are not shown). consumed + forfeited + remaining = tokens.
-- Filters: $team (team name); $since/$until (inclusive, on purchased_on).
-- Grain: one row per pack, sorted by team, draw_rank.
SELECT CAST(s.pack_id AS VARCHAR)   AS pack_id,
       CAST(s.team AS VARCHAR)      AS team,
       CAST(s.tokens AS BIGINT)     AS tokens,
       CAST(s.purchased_on AS DATE) AS purchased_on,
       CAST(s.expires_on AS DATE)   AS expires_on,
       CAST(s.draw_rank AS BIGINT)  AS draw_rank,
       CAST(s.consumed AS BIGINT)   AS consumed,
       CAST(s.forfeited AS BIGINT)  AS forfeited,
       CAST(s.remaining AS BIGINT)  AS remaining
FROM v_pack_state($as_of) s
WHERE s.bought
  AND ($team IS NULL OR s.team = $team)
  AND ($since IS NULL OR s.purchased_on >= CAST($since AS DATE))
  AND ($until IS NULL OR s.purchased_on <= CAST($until AS DATE))
ORDER BY team, draw_rank;
