-- int_session_team(as_of, since, until): the team each session bills, and
-- why it is excluded; the sessions of int_sessions(as_of, since, until).
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
-- Grain: one row per session; exclusion_reason NULL = billable. Carries the
-- int_sessions attributes the readers need (device, os, unterminated, kind).
CREATE OR REPLACE MACRO int_session_team(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                         until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
WITH s AS MATERIALIZED (
    SELECT * FROM int_sessions(as_of, since := since, until := until)
),
a AS (
    SELECT a.team_id, a.user_id, a.product, a.assigned_on, t.team
    FROM assignments a JOIN teams t ON t.team_id = a.team_id
),
pairs AS (
    SELECT DISTINCT s.user_id, s.product_id, p.product
    FROM s JOIN products p ON p.product_id = s.product_id
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
listed AS (
    SELECT DISTINCT user_id FROM assignments
),
granted AS (
    -- (team, user, product) triples R17 allows; '*' expanded to the products seen.
    SELECT DISTINCT a.team_id, a.user_id, p.product_id
    FROM assignments a JOIN products p ON a.product = p.product OR a.product = '*'
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
           l.user_id IS NOT NULL AS user_listed
    FROM s
    LEFT JOIN by_product bp ON bp.user_id = s.user_id AND bp.product_id = s.product_id
    LEFT JOIN by_user bu ON bu.user_id = s.user_id AND s.named_team_id IS NULL
    LEFT JOIN listed l ON l.user_id = s.user_id
    CROSS JOIN only_team o
)
SELECT CAST(r.session_key AS INTEGER) AS session_key,
       CAST(r.user_id AS INTEGER) AS user_id,
       CAST(r.product_id AS INTEGER) AS product_id,
       CAST(r.team_id AS INTEGER) AS team_id,
       CAST(r.team_source AS VARCHAR) AS team_source,
       CAST(r.session_start AS TIMESTAMPTZ) AS session_start,
       CAST(r.session_end AS TIMESTAMPTZ) AS session_end,
       CAST(r.idle_detection AS BOOLEAN) AS idle_detection,
       CAST(r.device_id AS INTEGER) AS device_id,
       r.os,
       CAST(r.unterminated AS BOOLEAN) AS unterminated,
       CAST(r.product_kind AS VARCHAR) AS product_kind,
       CAST(r.host_product AS VARCHAR) AS host_product,
       CAST(CASE
           WHEN r.team_id IS NULL THEN 'team_unresolved'
           WHEN NOT r.rated THEN 'unknown_product'
           WHEN r.os = 'linux' AND (r.version_year < 2020 OR NOT r.product_runs_on_linux)
               THEN 'unsupported_platform'
           WHEN r.user_listed AND g.user_id IS NULL THEN 'not_assigned'
       END AS VARCHAR) AS exclusion_reason
FROM resolved r
LEFT JOIN granted g
       ON g.team_id = r.team_id AND g.user_id = r.user_id AND g.product_id = r.product_id;
