-- The stored rows a later export revises go (store_vendor_usage.sql stores
-- the new value, R24). Grain: one row per replaced identity.
DELETE FROM vendor_usage v
USING (SELECT * FROM vendor_new WHERE effect = 'revised') n
WHERE v.team_id IS NOT DISTINCT FROM n.team_id AND v.user_id IS NOT DISTINCT FROM n.user_id
  AND v.product_id = n.product_id AND v.day = n.day;
