-- Each distinct value of an events file's name and value columns
-- (file_distinct, distinct_events.sql) as it is spelled in the staged rows,
-- and the value it stands for. A fast path (ingest_cfg.values_checked)
-- groups its rows by the values as read (group_events.sql), so each
-- spelling is read here once, as check_events.sql reads a value row by
-- row on the exact path: a CSV read with its quotes as plain characters
-- (ingest_cfg.quoted) unquoted (unquote, event_checks.sql, once
-- quoted_values_ok.sql found every spelling quoted whole or holding no
-- quote), then read as check_events.sql reads a value (event_read,
-- os_read, team_read of event_checks.sql: event and os lower-cased, an
-- empty team none, R12). "x" and x, or Login and login, are two
-- spellings of one value and get one local id (names_events.sql,
-- stage_events.sql). The exact path's values were read row by row:
-- each is its own spelling. Grain: one row per (column, distinct value).
CREATE OR REPLACE TEMP TABLE file_spellings AS
WITH read AS (
    SELECT d.dict, d.name AS spelling,
           CASE WHEN cfg.values_checked AND cfg.quoted THEN unquote(d.name) ELSE d.name END AS value,
           cfg.values_checked
    FROM file_distinct d, ingest_cfg cfg
)
SELECT dict, spelling,
       CASE WHEN NOT values_checked THEN value
            WHEN dict = 'events' THEN event_read(value)
            WHEN dict = 'os' THEN os_read(value)
            WHEN dict = 'teams' THEN team_read(value)
            ELSE value
       END AS name
FROM read;
