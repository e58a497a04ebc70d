-- v_pack_state: consumed, forfeited and remaining tokens of each pack as of
-- the session variable `flexdash_as_of` (unset: now).
-- Rules: R13 (tokens left at expiry are forfeited), R14 (consumed = what
-- allocations drew), R15 (remaining counts toward the balance while the
-- pack is valid), R4 (as-of). consumed + forfeited + remaining = tokens.
-- Reads charges/allocations, so TEMP tables made by
-- app.engine.use_results_as_of are honoured.
-- Grain: one row per pack.
CREATE OR REPLACE VIEW v_pack_state AS
WITH as_of AS (
    SELECT coalesce(CAST(getvariable('flexdash_as_of') AS TIMESTAMPTZ), now()) AS t
),
drawn AS (
    SELECT a.pack_id, sum(a.tokens) AS consumed
    FROM allocations a JOIN charges c ON c.charge_id = a.charge_id, as_of
    WHERE c.window_start <= as_of.t
    GROUP BY a.pack_id
)
SELECT p.pack_id, p.team_id, p.team, p.tokens, p.purchased_on, p.expires_on,
       p.valid_from, p.valid_until, p.draw_rank,
       CAST(coalesce(d.consumed, 0) AS BIGINT) AS consumed,
       CAST(CASE WHEN p.valid_until <= as_of.t THEN p.tokens - coalesce(d.consumed, 0) ELSE 0 END
            AS BIGINT) AS forfeited,
       CAST(CASE WHEN p.valid_until <= as_of.t THEN 0 ELSE p.tokens - coalesce(d.consumed, 0) END
            AS BIGINT) AS remaining,
       CAST(p.valid_from <= as_of.t AND as_of.t < p.valid_until AS BOOLEAN) AS valid_now
FROM v_packs p
CROSS JOIN as_of
LEFT JOIN drawn d ON d.pack_id = p.pack_id;
