-- The names the accepted rows of a rates or prices file bring to the
-- dictionaries (their products), for dict_names.sql.
-- Grain: one row per name.
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT DISTINCT 'products' AS dict, product AS name FROM checked
WHERE reason IS NULL AND product IS NOT NULL;
