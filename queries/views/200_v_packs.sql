-- v_packs: token packs with their validity and draw order.
-- Rules: R13 (usable from purchased_on 00:00 UTC until, not including,
-- purchased_on + 1 calendar year 00:00 UTC; bought on 29 February ->
-- expires on 28 February), R14 (draw_rank per team: expiry, then original
-- size smallest first, then pack_id).
-- Grain: one row per pack.
CREATE OR REPLACE VIEW v_packs AS
SELECT CAST(p.pack_id AS VARCHAR) AS pack_id,
       CAST(p.team_id AS INTEGER) AS team_id,
       CAST(t.team AS VARCHAR) AS team,
       CAST(p.tokens AS INTEGER) AS tokens,
       CAST(p.purchased_on AS DATE) AS purchased_on,
       -- DuckDB clamps 2024-02-29 + 1 year to 2025-02-28 (R13).
       CAST(p.purchased_on + INTERVAL 1 YEAR AS DATE) AS expires_on,
       CAST(p.purchased_on AS TIMESTAMPTZ) AS valid_from,
       CAST(CAST(p.purchased_on + INTERVAL 1 YEAR AS DATE) AS TIMESTAMPTZ) AS valid_until,
       CAST(row_number() OVER (PARTITION BY p.team_id
                               ORDER BY CAST(p.purchased_on + INTERVAL 1 YEAR AS DATE),
                                        p.tokens, p.pack_id) AS INTEGER) AS draw_rank,
       CAST(p.price AS DECIMAL(18, 2)) AS price,
       CAST(p.currency AS VARCHAR) AS currency
FROM packs p
JOIN teams t ON t.team_id = p.team_id;
