-- The store's id of each of the file's local ids (names_events.sql), once
-- dict_names.sql has given the new names theirs. Grain: one row per
-- (dictionary, local id).
CREATE OR REPLACE TEMP TABLE file_ids AS
SELECT n.dict, n.local_id, x.session_key AS id
FROM file_names n JOIN sessions x ON x.session_id = n.name WHERE n.dict = 'sessions'
UNION ALL
SELECT n.dict, n.local_id, x.user_id FROM file_names n JOIN users x ON x.user_name = n.name WHERE n.dict = 'users'
UNION ALL
SELECT n.dict, n.local_id, x.team_id FROM file_names n JOIN teams x ON x.team = n.name WHERE n.dict = 'teams'
UNION ALL
SELECT n.dict, n.local_id, x.product_id FROM file_names n JOIN products x ON x.product = n.name WHERE n.dict = 'products'
UNION ALL
SELECT n.dict, n.local_id, x.device_id FROM file_names n JOIN devices x ON x.device = n.name WHERE n.dict = 'devices'
UNION ALL
SELECT n.dict, n.local_id, x.version_id FROM file_names n JOIN versions x ON x.version = n.name WHERE n.dict = 'versions';
