-- v_charge_costs: the cost of every charge, per pack it drew from (R23):
-- the tokens drawn (R14, `allocations`) x that pack's unit price
-- (v_pack_unit_price), in the pack's currency (session_key: the session the window opened in).
-- Reads charges/allocations,
-- so the TEMP shadows of app.engine.use_results_as_of count (R4).
-- Money stays unrounded here: reports round their sums to two places.
-- Grain: one row per charge x pack drawn.
CREATE OR REPLACE VIEW v_charge_costs AS
SELECT CAST(c.charge_id AS BIGINT) AS charge_id,
       c.window_start,
       CAST(c.user_id AS INTEGER) AS user_id,
       CAST(c.product_id AS INTEGER) AS product_id,
       CAST(c.team_id AS INTEGER) AS team_id,
       CAST(a.pack_id AS VARCHAR) AS pack_id,
       CAST(a.tokens AS BIGINT) AS tokens,
       CAST(a.tokens * u.unit_price AS DOUBLE) AS cost,
       CAST(u.currency AS VARCHAR) AS currency,
       c.session_key
FROM charges c
JOIN allocations a ON a.charge_id = c.charge_id
JOIN v_pack_unit_price u ON u.pack_id = a.pack_id;
