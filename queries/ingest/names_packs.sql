-- The names the accepted rows of a packs file bring to the dictionaries
-- (its teams), for dict_names.sql. Grain: one row per name.
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT DISTINCT 'teams' AS dict, team AS name FROM checked
WHERE reason IS NULL AND team IS NOT NULL;
