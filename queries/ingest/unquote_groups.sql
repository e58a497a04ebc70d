-- The groups of an events CSV a fast path read with its quotes as plain
-- characters (ingest_cfg.quoted), once quoted_groups_ok.sql found every
-- value quoted whole or holding no quote: their values as the exact reader
-- reads them (unquote, event_checks.sql), once per group and once for all,
-- so that the names (names_from_groups.sql) and the staged rows
-- (event_rows_grouped.sql) read them as a plain CSV's. "x" and x stay two
-- groups of one value, given one local id. Data contract "Bad input": one
-- line is one row. Grain: one row per group.
CREATE OR REPLACE TEMP TABLE file_groups AS
SELECT unquote(event) AS event, unquote(session_id) AS session_id, unquote(user_name) AS user_name,
       unquote(team) AS team, unquote(product) AS product, unquote(version) AS version,
       unquote(device) AS device, unquote(os) AS os, ts_list, refused
FROM file_groups;
