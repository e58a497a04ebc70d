-- reports/explain_draws: the packs each of the user's charges for the
-- product drew from, in draw order.
-- Rules: R14 (draw from valid, non-empty packs by expiry, then size, then
-- pack_id; a charge may span several packs), R13 (validity).
-- Grain: one row per charge x pack.
SELECT CAST(c.window_start AS TIMESTAMPTZ) AS window_start,
       CAST(a.pack_id AS VARCHAR)          AS pack_id,
       CAST(a.tokens AS BIGINT)            AS tokens,
       CAST(p.tokens AS BIGINT)            AS pack_tokens,
       CAST(p.expires_on AS DATE)          AS expires_on,
       CAST(p.draw_rank AS BIGINT)         AS draw_rank
FROM charges c
JOIN allocations a ON a.charge_id = c.charge_id
LEFT JOIN v_packs p ON p.pack_id = a.pack_id
WHERE c.user_id = $user_id AND c.product_id = $product_id AND c.window_start <= $as_of
  AND ($from IS NULL OR c.window_end > $from)
  AND ($to IS NULL OR c.window_start < $to)
ORDER BY window_start, draw_rank, pack_id;
