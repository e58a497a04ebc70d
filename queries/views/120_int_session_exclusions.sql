-- int_session_exclusions(as_of, since, until): sessions excluded before
-- charging, one reason each (of int_session_team's sessions).
-- Rules: R12 (team_unresolved), R12b (unknown_product), R18
-- (unsupported_platform), R17 (not_assigned), R18b (one reason, in that
-- order; an excluded session adds no active time to runs, R7).
-- ts is the session's first event; team_id is NULL for team_unresolved
-- (data contract, denials report).
-- Grain: one row per excluded session.
CREATE OR REPLACE MACRO int_session_exclusions(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                                      until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
SELECT CAST(session_start AS TIMESTAMPTZ) AS ts,
       CAST(user_id AS INTEGER) AS user_id,
       CAST(product_id AS INTEGER) AS product_id,
       CAST(team_id AS INTEGER) AS team_id,
       CAST(exclusion_reason AS VARCHAR) AS reason,
       CAST(session_key AS INTEGER) AS session_key
FROM int_session_team(as_of, since := since, until := until)
WHERE exclusion_reason IS NOT NULL;
