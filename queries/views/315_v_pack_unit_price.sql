-- v_pack_unit_price: what one token of each pack cost (R23): its price /
-- tokens in its own currency; a pack without a price, the token price
-- table's unit price for the largest pack size not above its tokens (the
-- smallest size if none), in that table's currency.
-- Grain: one row per pack.
CREATE OR REPLACE VIEW v_pack_unit_price AS
SELECT p.pack_id, p.team_id, p.tokens,
       CAST(CASE WHEN p.price IS NOT NULL THEN CAST(p.price AS DOUBLE) / p.tokens
                 ELSE CAST(t.unit_price AS DOUBLE) END AS DOUBLE) AS unit_price,
       CAST(CASE WHEN p.price IS NOT NULL THEN p.currency ELSE t.currency END AS VARCHAR) AS currency,
       CAST(p.price IS NOT NULL AS BOOLEAN) AS priced
FROM v_packs p
LEFT JOIN LATERAL (
    SELECT tp.unit_price, tp.currency
    FROM token_prices_shipped tp
    -- sizes not above the pack's tokens first (largest of them), else the smallest size
    ORDER BY (tp.pack_size <= p.tokens) DESC,
             CASE WHEN tp.pack_size <= p.tokens THEN -tp.pack_size ELSE tp.pack_size END,
             (tp.currency = p.currency) DESC, tp.currency
    LIMIT 1
) AS t ON true;
