-- The end of the demo's sample data: 00:00 UTC of the day after its last
-- event, the instant the demo opens at (R4), so that it never goes stale.
-- Grain: one row (NULL when the samples hold no event).
SELECT CAST(max(ts) AT TIME ZONE 'UTC' AS DATE) + 1 AS end_day FROM events;
