-- history_first_day(as_of): the UTC day of the store's first instant up to
-- as_of (R4): its first event, else its first charge (usage known only from
-- charges). R20's coverage_days and R21's history start there.
-- Grain: one row (first_day NULL on an empty store).
CREATE OR REPLACE MACRO history_first_day(as_of) AS TABLE
SELECT CAST(timezone('UTC', coalesce((SELECT min(ts) FROM events WHERE ts <= as_of),
                                     (SELECT min(window_start) FROM charges WHERE window_start <= as_of)))
            AS DATE) AS first_day;
