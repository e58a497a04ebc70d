-- v_log_coverage(as_of): the (team, UTC day) pairs the usage logs cover
-- (R24, working from the export alone): a day from the first to the last
-- event of a session billed to the team (R12), events up to as_of (R4; NULL:
-- every event). A product left open over a weekend covers the weekend too.
-- The engine turns a billed day into a charge only where the logs do not
-- cover it (engine/billed_usage.sql); the sample's export plants its
-- differences on covered days (generate/vendor_covered.sql).
-- Grain: one row per team_id x day.
CREATE OR REPLACE MACRO v_log_coverage(as_of) AS TABLE
WITH spans AS (
    SELECT session_key, CAST(min(ts) AS DATE) AS first_day, CAST(max(ts) AS DATE) AS last_day
    FROM stg_events(as_of)
    GROUP BY session_key
)
SELECT DISTINCT st.team_id, CAST(d.day AS DATE) AS day
FROM spans s
JOIN int_session_team(as_of) st ON st.session_key = s.session_key,
     unnest(range(CAST(s.first_day AS TIMESTAMP), CAST(s.last_day AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 DAY)) AS d(day)
WHERE st.team_id IS NOT NULL;
