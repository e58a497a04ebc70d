-- generate/vendor_covered: the (team, UTC day) pairs the sample firm's logs
-- cover (v_log_coverage, as the engine judges them): a planted difference
-- stays on such days, so the export adds no billed charge to the sample.
-- Grain: one row per team x day.
SELECT t.team, c.day
FROM v_log_coverage(NULL) c
JOIN teams t ON t.team_id = c.team_id
ORDER BY 1, 2;
