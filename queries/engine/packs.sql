-- engine/packs: every pack in draw order, as arrays.
-- Rules: R13 (validity [valid_from, valid_until)), R14 (draw_rank).
-- Grain: one row per pack, sorted by team, draw_rank.
SELECT CAST(team_id AS BIGINT) AS team_id, pack_id, CAST(tokens AS BIGINT) AS tokens,
       epoch_us(valid_from) AS valid_from_us, epoch_us(valid_until) AS valid_until_us
FROM v_packs
ORDER BY team_id, draw_rank;
