-- int_session_team: the team each session bills, and why it is excluded.
-- Rules: R12 (billed team: the team named in the session's log rows; else
-- among the teams assigning the user that product (code or '*') the first
-- by assigned_on then team; else the user's first team by the same order;
-- else the only team known from packs and assignments; else unresolved),
-- R12b, R17, R18 and R18b (one reason, checked in the order
-- team_unresolved, unknown_product, unsupported_platform, not_assigned).
-- Resolution happens here, at compute time, never at import (R12).
-- Decision: "then team id" compares team names, because dense ids depend
-- on the order files were imported in and the result must not. Assignments
-- are taken as they stand (assigned_on orders them, it does not gate them).
-- Grain: one row per session; exclusion_reason NULL = billable.
CREATE OR REPLACE VIEW int_session_team AS
WITH a AS (
    SELECT a.team_id, a.user_id, a.product, a.assigned_on, t.team
    FROM assignments a JOIN teams t ON t.team_id = a.team_id
),
pairs AS (
    SELECT DISTINCT s.user_id, s.product_id, p.product
    FROM int_sessions s JOIN products p ON p.product_id = s.product_id
    WHERE s.named_team_id IS NULL
),
by_product AS (
    SELECT pr.user_id, pr.product_id, min_by(a.team_id, (a.assigned_on, a.team)) AS team_id
    FROM pairs pr JOIN a ON a.user_id = pr.user_id AND (a.product = pr.product OR a.product = '*')
    GROUP BY pr.user_id, pr.product_id
),
by_user AS (
    SELECT user_id, min_by(team_id, (assigned_on, team)) AS team_id
    FROM a GROUP BY user_id
),
only_team AS (
    SELECT CASE WHEN count(DISTINCT team_id) = 1 THEN min(team_id) END AS team_id
    FROM (SELECT team_id FROM packs UNION ALL SELECT team_id FROM assignments)
),
resolved AS (
    SELECT s.*,
           coalesce(s.named_team_id, bp.team_id, bu.team_id, o.team_id) AS team_id,
           CASE WHEN s.named_team_id IS NOT NULL THEN 'log'
                WHEN bp.team_id IS NOT NULL THEN 'assignment'
                WHEN bu.team_id IS NOT NULL THEN 'user_first_team'
                WHEN o.team_id IS NOT NULL THEN 'only_team' END AS team_source,
           (SELECT count(*) FROM assignments x WHERE x.user_id = s.user_id) > 0 AS user_listed
    FROM int_sessions s
    LEFT JOIN by_product bp ON bp.user_id = s.user_id AND bp.product_id = s.product_id
    LEFT JOIN by_user bu ON bu.user_id = s.user_id AND s.named_team_id IS NULL
    CROSS JOIN only_team o
)
SELECT CAST(r.session_key AS INTEGER) AS session_key,
       CAST(r.user_id AS INTEGER) AS user_id,
       CAST(r.product_id AS INTEGER) AS product_id,
       CAST(r.team_id AS INTEGER) AS team_id,
       CAST(r.team_source AS VARCHAR) AS team_source,
       CAST(r.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(CASE
           WHEN r.team_id IS NULL THEN 'team_unresolved'
           WHEN NOT r.rated THEN 'unknown_product'
           WHEN r.os = 'linux' AND (r.version_year < 2020 OR NOT r.product_runs_on_linux)
               THEN 'unsupported_platform'
           WHEN r.user_listed AND NOT EXISTS (
               SELECT 1 FROM assignments x JOIN products p ON p.product_id = r.product_id
               WHERE x.user_id = r.user_id AND x.team_id = r.team_id
                 AND (x.product = p.product OR x.product = '*'))
               THEN 'not_assigned'
       END AS VARCHAR) AS exclusion_reason
FROM resolved r;
