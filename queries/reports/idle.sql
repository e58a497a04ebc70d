-- reports/idle: how much of each user's product time idle detection paused
-- (data contract `idle`).
-- Rules: R5 (span = first to last event of a session), R6 (active = the
-- union of 15-minute stretches after login/activity events for versions
-- with idle detection, the whole span otherwise; idle = span - active),
-- R4 (events after $as_of are ignored).
-- Decision: every session counts, excluded ones too (this is about use, not
-- billing; as v_idle_summary). Seconds are rounded to whole seconds.
-- Filters: $team (the session's billed team, R12); $since/$until
-- (inclusive, on the UTC day of the session's first event).
-- Grain: one row per user x product, sorted by user, product.
SELECT CAST(u.user_name AS VARCHAR)          AS "user",
       CAST(p.product AS VARCHAR)            AS product,
       CAST(count(*) AS BIGINT)              AS sessions,
       CAST(round(sum(a.span_seconds)) AS BIGINT)   AS span_seconds,
       CAST(round(sum(a.active_seconds)) AS BIGINT) AS active_seconds,
       CAST(round(sum(a.span_seconds)) - round(sum(a.active_seconds)) AS BIGINT) AS idle_seconds
FROM int_session_activity($as_of, since := CAST(CAST($since AS DATE) AS TIMESTAMPTZ),
                          until := CAST(CAST($until AS DATE) + INTERVAL 1 DAY AS TIMESTAMPTZ)) a
JOIN int_session_team($as_of, since := CAST(CAST($since AS DATE) AS TIMESTAMPTZ),
                      until := CAST(CAST($until AS DATE) + INTERVAL 1 DAY AS TIMESTAMPTZ)) st
  ON st.session_key = a.session_key
LEFT JOIN teams t        ON t.team_id = st.team_id
JOIN users u             ON u.user_id = a.user_id
JOIN products p          ON p.product_id = a.product_id
WHERE a.session_start <= $as_of
  AND ($team IS NULL OR t.team = $team)
  AND ($since IS NULL OR a.session_start >= CAST(CAST($since AS DATE) AS TIMESTAMPTZ))
  AND ($until IS NULL OR a.session_start < CAST(CAST($until AS DATE) + INTERVAL 1 DAY AS TIMESTAMPTZ))
GROUP BY u.user_name, p.product
ORDER BY "user", product;
