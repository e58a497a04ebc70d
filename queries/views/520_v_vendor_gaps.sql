-- v_vendor_gaps(as_of, tz): days inside the vendor data's range (its first to last day)
-- with charges computed from the logs and no vendor row at all, for anyone
-- (R24: an export missing from the archive). Days in the reporting zone
-- tz (R3, UTC by default), charges opened by as_of (R4; NULL: every charge).
-- Grain: one row per day x team (tokens_computed per team: --team filters).
CREATE OR REPLACE MACRO v_vendor_gaps(as_of, tz := 'UTC') AS TABLE
WITH cfg AS (
    SELECT coalesce(CAST(tz AS VARCHAR), 'UTC') AS zone, CAST(as_of AS TIMESTAMPTZ) AS as_of
), covered AS (
    SELECT min(day) AS first_day, max(day) AS last_day FROM vendor_usage
), computed AS (
    SELECT CAST(timezone(cfg.zone, c.window_start) AS DATE) AS day, c.team_id, c.tokens
    FROM v_charge_source c, cfg
    WHERE c.source = 'logs' AND c.window_start <= coalesce(cfg.as_of, c.window_start)
)
SELECT c.day, c.team_id, CAST(sum(c.tokens) AS BIGINT) AS tokens_computed
FROM computed c, covered
WHERE c.day BETWEEN covered.first_day AND covered.last_day
  AND NOT EXISTS (SELECT 1 FROM vendor_usage v WHERE v.day = c.day)
GROUP BY ALL;
