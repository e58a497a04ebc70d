-- The names the accepted rows of a vendor usage file bring to the
-- dictionaries (teams, users; products once mapped to codes, when the file
-- is stored: vendor_products.sql runs first). Grain: one row per (dictionary, name).
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT DISTINCT * FROM (
    SELECT 'teams' AS dict, team AS name FROM checked WHERE reason IS NULL
    UNION ALL SELECT 'users', user_name FROM checked WHERE reason IS NULL
    UNION ALL SELECT 'products', product FROM checked WHERE reason IS NULL
) AS n
WHERE name IS NOT NULL;
