-- Aliases name no dictionary entry (their codes enter `products` when a
-- vendor row uses them). Grain: none.
CREATE OR REPLACE TEMP TABLE file_names AS
SELECT CAST(NULL AS VARCHAR) AS dict, CAST(NULL AS VARCHAR) AS name WHERE false;
