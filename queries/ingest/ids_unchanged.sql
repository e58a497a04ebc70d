-- Is every local id of the file's five name dictionaries and its versions
-- the store's id of that name (file_ids.sql)? So in a new store, or wherever each
-- dictionary gets all its names from this file: local ids and the store's
-- new ids both follow name order (names_events.sql, dict_names.sql). Then
-- store_events.sql ($same_ids) stores the staged ids as they are (six joins
-- of every row fewer). Grain: one row.
SELECT coalesce(bool_and(f.id = f.local_id), true)
   AND (SELECT count(*) FROM file_ids) = (
       SELECT count(*) FROM file_names
       WHERE dict IN ('sessions', 'users', 'teams', 'products', 'devices', 'versions'))
FROM file_ids f;
