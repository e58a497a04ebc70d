-- The file's accepted vendor rows with the store's ids, one per identity
-- (team, user, product, day; its first line), and what each does to the
-- store: new, same (a duplicate) or revised (a later export with other
-- tokens: it replaces the stored value, R24). Grain: one row per identity.
CREATE OR REPLACE TEMP TABLE vendor_new AS
WITH ids AS (
    SELECT t.team_id, u.user_id, p.product_id, c.day, c.tokens, c.aggregate, c.line
    FROM checked c
    LEFT JOIN teams t ON t.team = c.team
    LEFT JOIN users u ON u.user_name = c.user_name
    JOIN products p ON p.product = c.product
    WHERE c.reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY t.team_id, u.user_id, p.product_id, c.day ORDER BY c.line) = 1
)
SELECT i.*,
       CASE WHEN v.tokens IS NULL THEN 'new' WHEN v.tokens = i.tokens THEN 'same' ELSE 'revised' END AS effect
FROM ids i
LEFT JOIN vendor_usage v
  ON v.team_id IS NOT DISTINCT FROM i.team_id AND v.user_id IS NOT DISTINCT FROM i.user_id
 AND v.product_id = i.product_id AND v.day = i.day;
