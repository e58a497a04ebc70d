-- A groups import replaces the group of every user it names (R25: one
-- group per user, the later import wins). Grain: statement.
DELETE FROM user_groups
WHERE user_id IN (SELECT u.user_id FROM users u JOIN checked c ON c.user_name = u.user_name
                  WHERE c.reason IS NULL);
