-- generate/vendor_charges: the sample firm's computed charges as the vendor
-- would bill them (R24): tokens per UTC day, user, product and team, with the
-- users' display names. Grain: one row per day x user x product x team,
-- sorted by day, user, product, team.
SELECT CAST(c.window_start AS DATE) AS day, u.user_name AS "user", p.product, t.team,
       CAST(sum(c.tokens) AS BIGINT) AS tokens
FROM charges c
JOIN users u USING (user_id) JOIN products p USING (product_id) JOIN teams t USING (team_id)
GROUP BY ALL
ORDER BY day, "user", product, team;
