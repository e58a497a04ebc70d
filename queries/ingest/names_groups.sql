-- The names the accepted rows of a groups file bring to the dictionaries
-- (their users), for dict_names.sql. Grain: one row per name.
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT DISTINCT 'users' AS dict, user_name AS name FROM checked
WHERE reason IS NULL AND user_name IS NOT NULL;
