-- The names the accepted rows of an assignments file bring to the
-- dictionaries (teams, users, products), for dict_names.sql.
-- Grain: one row per (dictionary, name).
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT DISTINCT * FROM (
    SELECT 'teams' AS dict, team AS name FROM checked WHERE reason IS NULL
    UNION ALL SELECT 'users', user_name FROM checked WHERE reason IS NULL
    UNION ALL SELECT 'products', product FROM checked WHERE reason IS NULL
) AS n
WHERE name IS NOT NULL;
