-- A (team, user, product, day) seen again in the same file with other tokens
-- is rejected, naming the first line (R24: one value per identity and
-- export; the same tokens again is a duplicate). Grain: one row per rejected line.
CREATE OR REPLACE TEMP TABLE conflicts AS
WITH good AS (
    SELECT line, team, user_name, product, day, tokens FROM checked WHERE reason IS NULL
), firsts AS (
    SELECT team, user_name, product, day, min(line) AS first_line, arg_min(tokens, line) AS tokens
    FROM good GROUP BY ALL
)
SELECT g.line,
       'team, user, product and day appear again with other tokens (' || g.tokens || '; '
           || f.tokens || ' on line ' || f.first_line || ')' AS reason
FROM good g
JOIN firsts f
  ON f.team IS NOT DISTINCT FROM g.team AND f.user_name IS NOT DISTINCT FROM g.user_name
 AND f.product = g.product AND f.day = g.day
WHERE g.line > f.first_line AND g.tokens <> f.tokens;
