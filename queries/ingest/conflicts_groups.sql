-- A user given two different groups in one file (R25: one group per user):
-- the later line is rejected. The same group again is a duplicate.
-- Grain: one row per rejected line.
CREATE OR REPLACE TEMP TABLE conflicts AS
WITH good AS (
    SELECT line, user_name, group_name FROM checked WHERE reason IS NULL
), firsts AS (
    SELECT user_name, min(line) AS first_line, arg_min(group_name, line) AS group_name
    FROM good GROUP BY user_name
)
SELECT g.line, 'group of ' || g.user_name || ' appears again with another group (first on line '
           || f.first_line || ')' AS reason
FROM good g JOIN firsts f USING (user_name)
WHERE g.line > f.first_line AND g.group_name IS DISTINCT FROM f.group_name;
