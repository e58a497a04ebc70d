-- dashboard/tokens_by_hour: when in the week tokens go, for the Charts
-- pane's heat map: tokens charged by the weekday and UTC hour the window
-- opened (R9 a window opens after 5 minutes of use; R10 its rate; R12 its team).
-- Grain: one row per weekday (1 Monday .. 7 Sunday) x hour (0..23) with charges.
-- $as_of (R4), $team (NULL: all), $since/$until half-open instants (NULL: open).
SELECT CAST(isodow(c.window_start) AS BIGINT) AS weekday,
       CAST(hour(c.window_start) AS BIGINT)   AS hour,
       CAST(sum(c.tokens) AS BIGINT)          AS tokens
FROM charges c
JOIN teams t USING (team_id)
WHERE c.window_start <= $as_of
  AND ($since IS NULL OR c.window_start >= $since)
  AND ($until IS NULL OR c.window_start < $until)
  AND ($team IS NULL OR t.team = $team)
GROUP BY ALL
ORDER BY weekday, hour;
