-- New and revised vendor rows into vendor_usage (R24). $1: import_id.
-- Grain: one row per stored identity.
INSERT INTO vendor_usage
SELECT team_id, user_id, product_id, day, tokens, aggregate, $1, line
FROM vendor_new WHERE effect <> 'same';
