-- dashboard/why_windows: the windows charged or denied to one user and
-- product, with the packs each charge drew from. A short stand-in for the
-- why view until app.explain is available.
-- Rules: R9 (windows), R10 (tokens at the rate), R14 (packs drawn), R16/R17/R18 (denials).
-- Grain: one row per window or denial, in time order.
-- $user, $product: names; $as_of (R4); $since/$until: half-open instants (NULL: open).
WITH u AS (SELECT user_id FROM users WHERE user_name = $user),
     p AS (SELECT product_id FROM products WHERE product = $product)
SELECT c.window_start AS ts, c.window_end, CAST('charged' AS VARCHAR) AS outcome,
       CAST(t.team AS VARCHAR) AS team, CAST(c.tokens AS BIGINT) AS tokens,
       CAST((SELECT string_agg(a.pack_id || ' ' || a.tokens, ', ' ORDER BY a.pack_id)
             FROM allocations a WHERE a.charge_id = c.charge_id) AS VARCHAR) AS packs
FROM charges c JOIN teams t USING (team_id)
WHERE c.user_id = (SELECT user_id FROM u) AND c.product_id = (SELECT product_id FROM p)
  AND c.window_start <= $as_of
  AND ($since IS NULL OR c.window_start >= $since)
  AND ($until IS NULL OR c.window_start < $until)
UNION ALL
SELECT d.ts, NULL, 'denied: ' || d.reason, t.team, 0, NULL
FROM denials d LEFT JOIN teams t USING (team_id)
WHERE d.user_id = (SELECT user_id FROM u) AND d.product_id = (SELECT product_id FROM p)
  AND d.ts <= $as_of
  AND ($since IS NULL OR d.ts >= $since)
  AND ($until IS NULL OR d.ts < $until)
ORDER BY ts;
