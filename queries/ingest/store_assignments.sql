-- Accepted assignments into `assignments` (R12, R17). Decision: an
-- assignment's identity is (team, user, product); the first line of an
-- identity wins and an identity already stored is a duplicate, so a later
-- row with another assigned_on does not move the stored date. product stays
-- text ('*' = every product). $1: import_id. Grain: one row per new identity.
INSERT INTO assignments
SELECT f.team_id, f.user_id, f.product, f.assigned_on, $1
FROM (
    SELECT t.team_id, u.user_id, c.product, c.assigned_on
    FROM checked c
    JOIN teams t ON t.team = c.team
    JOIN users u ON u.user_name = c.user_name
    WHERE c.reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY t.team_id, u.user_id, c.product ORDER BY c.line) = 1
) AS f
WHERE NOT EXISTS (
    SELECT 1 FROM assignments a
    WHERE a.team_id = f.team_id AND a.user_id = f.user_id AND a.product = f.product
);
