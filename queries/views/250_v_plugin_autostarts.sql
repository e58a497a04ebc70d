-- v_plugin_autostarts(as_of, since, until): plug-in sessions opened by their
-- host's start (int_session_findings' plugin_autostart, which holds the
-- definition).
-- Rules: R11 (Decision: within 60 s of a session of its host product, same
-- user, same device; reported as avoidable spend, still charged), R10 (kind
-- and host from the rate row in force at the plug-in session's start), R4.
-- Period: plug-in sessions started in [since, until). team_id: the plug-in
-- session's billed team (R12).
-- Grain: one row per auto-started plug-in session.
CREATE OR REPLACE MACRO v_plugin_autostarts(as_of, since := CAST(NULL AS TIMESTAMPTZ),
                                            until := CAST(NULL AS TIMESTAMPTZ)) AS TABLE
SELECT session_key, user_id, device_id, product_id,
       other_product_id AS host_product_id, other_session_key AS host_session_key,
       session_start, seconds AS delay_seconds, team_id
FROM int_session_findings(as_of, since := since, until := until)
WHERE finding = 'plugin_autostart';
