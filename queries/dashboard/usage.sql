-- dashboard/usage: charges by day, team, product and user over a period.
-- Rules: R9 (one charge per window), R10 (tokens at the rate in force),
-- R12 (the billed team), R3 (day of the window's opening instant, UTC here).
-- Grain: one row per day x team x product x user.
-- $as_of (R4), $team (NULL: all), $since/$until half-open instants (NULL: open),
-- $limit: the first rows only (NULL: all; the dashboard paints a big period's
-- first rows while it reads the rest).
SELECT CAST(c.window_start AS DATE)  AS day,
       CAST(t.team AS VARCHAR)       AS team,
       CAST(p.product AS VARCHAR)    AS product,
       CAST(u.user_name AS VARCHAR)  AS user,
       CAST(count(*) AS BIGINT)      AS windows,
       CAST(sum(c.tokens) AS BIGINT) AS tokens
FROM charges c
JOIN teams t    USING (team_id)
JOIN products p USING (product_id)
JOIN users u    USING (user_id)
WHERE c.window_start <= $as_of
  AND ($since IS NULL OR c.window_start >= $since)
  AND ($until IS NULL OR c.window_start < $until)
  AND ($team IS NULL OR t.team = $team)
GROUP BY ALL
ORDER BY day DESC, team, product, user
LIMIT $limit;
