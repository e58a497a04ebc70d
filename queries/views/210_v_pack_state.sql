-- v_pack_state(as_of): consumed, forfeited and remaining tokens of each pack
-- as of an instant.
-- Rules: R13 (valid from valid_from until, not including, valid_until;
-- tokens left at expiry are forfeited), R14 (consumed = what allocations of
-- charges opened by as_of drew), R15 (remaining counts toward the balance
-- while the pack is valid), R4. consumed + forfeited + remaining = tokens.
-- bought: purchased by as_of (valid_from <= as_of); later packs are listed
-- with bought false and nothing drawn. Reads charges/allocations, so TEMP
-- tables made by app.engine.use_results_as_of are honoured.
-- Grain: one row per pack.
CREATE OR REPLACE MACRO v_pack_state(as_of) AS TABLE
WITH drawn AS (
    SELECT a.pack_id, sum(a.tokens) AS consumed
    FROM allocations a JOIN charges c ON c.charge_id = a.charge_id
    WHERE c.window_start <= CAST(as_of AS TIMESTAMPTZ)
    GROUP BY a.pack_id
)
SELECT p.pack_id, p.team_id, p.team, p.tokens, p.purchased_on, p.expires_on,
       p.valid_from, p.valid_until, p.draw_rank, p.price, p.currency,
       CAST(coalesce(d.consumed, 0) AS BIGINT) AS consumed,
       CAST(CASE WHEN p.valid_until <= CAST(as_of AS TIMESTAMPTZ)
                 THEN p.tokens - coalesce(d.consumed, 0) ELSE 0 END AS BIGINT) AS forfeited,
       CAST(CASE WHEN p.valid_until <= CAST(as_of AS TIMESTAMPTZ)
                 THEN 0 ELSE p.tokens - coalesce(d.consumed, 0) END AS BIGINT) AS remaining,
       CAST(p.valid_from <= CAST(as_of AS TIMESTAMPTZ) AS BOOLEAN) AS bought,
       CAST(p.valid_from <= CAST(as_of AS TIMESTAMPTZ)
            AND CAST(as_of AS TIMESTAMPTZ) < p.valid_until AS BOOLEAN) AS valid_now
FROM v_packs p
LEFT JOIN drawn d ON d.pack_id = p.pack_id;
