-- v_user_groups: every user's group (R25): the one set by the latest
-- import that named the user (`groups` input, or the vendor's user export),
-- '(none)' for a user without one.
-- Grain: one row per user.
CREATE OR REPLACE VIEW v_user_groups AS
SELECT CAST(u.user_id AS INTEGER) AS user_id,
       CAST(u.user_name AS VARCHAR) AS user_name,
       CAST(coalesce(g.group_name, '(none)') AS VARCHAR) AS group_name
FROM users u
LEFT JOIN (
    SELECT user_id, arg_max(group_name, import_id) AS group_name FROM user_groups GROUP BY user_id
) AS g ON g.user_id = u.user_id;
