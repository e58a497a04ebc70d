-- An events CSV a fast path read with its quotes as plain characters
-- (ingest_cfg.quoted; app/ingest/staging.py _csv_mode): its groups
-- (group_events.sql) unquoted once per group, not per row (the instant was
-- unquoted per row, src_native.sql). A group with a value the exact reader
-- would not read the same way (quoted_ok, event_checks.sql: a quote inside
-- a value, a quoted separator or line end split by the plain reading,
-- spaces around quotes) counts its rows as refused, so the fast path
-- stands down (fast_path_clean.sql) and the exact reader says which lines.
-- "x" and x are one value: the groups are grouped again. team empty is
-- none (R12), as check_events.sql reads it. Grain: one row per group.
CREATE OR REPLACE TEMP TABLE file_groups AS
SELECT unquote(event) AS event, unquote(session_id) AS session_id, unquote(user_name) AS user_name,
       nullif(unquote(team), '') AS team, unquote(product) AS product, unquote(version) AS version,
       unquote(device) AS device, unquote(os) AS os,
       flatten(list(ts_list)) AS ts_list,
       sum(refused + CASE
           WHEN quoted_ok(event) AND quoted_ok(session_id) AND quoted_ok(user_name) AND quoted_ok(team)
            AND quoted_ok(product) AND quoted_ok(version) AND quoted_ok(device) AND quoted_ok(os) THEN 0
           ELSE len(ts_list) END) AS refused
FROM file_groups
GROUP BY ALL;
