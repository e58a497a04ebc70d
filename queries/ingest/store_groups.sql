-- Accepted user groups into `user_groups` (R25); the first line of a user
-- wins. $1: import_id. Grain: one row per user.
INSERT INTO user_groups
SELECT u.user_id, c.group_name, $1
FROM checked c JOIN users u ON u.user_name = c.user_name
WHERE c.reason IS NULL
QUALIFY row_number() OVER (PARTITION BY u.user_id ORDER BY c.line) = 1;
