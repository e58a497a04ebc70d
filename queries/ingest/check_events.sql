-- Typed, checked usage events (data contract "Usage events"; R1, R2).
-- Reads src_fields (c1..c9 = ts, event, session_id, user, team, product,
-- version, device, os) and ingest_cfg. Every row gets either a NULL reason
-- and typed values, or the first reason it breaks the contract (the raw text
-- is kept only for those). Decisions: values are taken as written (not
-- trimmed: trimming nine fields of every row would outweigh the checks);
-- event and os are matched case-insensitively and stored lower-case;
-- team may be empty (R12).
-- R1: an instant with an offset ("Z", "+01:00", "+0100", "+01") is stored in
-- UTC; R2: without one it is rejected unless ingest_cfg.assume_tz names the
-- zone it is read in. Grain: one row per data line.
-- The value checks are the macros of event_checks.sql. When a fast path
-- has found every distinct value of the other columns good
-- (ingest_cfg.values_checked, values_clean.sql), only the instant (millions
-- of distinct values) is looked at row by row, and the other values are
-- as read (a quoted CSV's still quoted, event and os in the file's case,
-- an empty team empty): the fast path groups the rows by them
-- (group_events.sql) and reads each spelling once (spellings.sql).
-- A view: app/ingest/staging.py turns it into the `checked` table with
-- dictionary ids (stage_events.sql), from the file's own names.
CREATE OR REPLACE TEMP VIEW events_judged AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           c1 AS ts_text,
           -- a fast path's values stay as read (values_checked): each
           -- spelling is read once, spellings.sql, not in every row
           CASE WHEN cfg.values_checked THEN c2 ELSE event_read(c2) END AS event,
           c3 AS session_id, c4 AS user_name,
           CASE WHEN cfg.values_checked THEN c5 ELSE team_read(c5) END AS team, c6 AS product,
           c7 AS version, c8 AS device,
           CASE WHEN cfg.values_checked THEN c9 ELSE os_read(c9) END AS os,
           cfg.assume_tz, cfg.missing, cfg.values_checked
    FROM src_fields, ingest_cfg cfg
), shaped AS (
    -- one regular expression for the usual case; the offset-less shape is
    -- tried only on the rows that fail it (CASE is lazy)
    SELECT *,
        CASE
            WHEN ts_with_offset(ts_text) THEN 'offset'
            WHEN ts_naive(ts_text) THEN 'naive'
        END AS ts_form
    FROM f
), typed AS (
    SELECT *,
        CASE WHEN ts_form = 'offset' THEN try_cast(ts_text AS TIMESTAMPTZ)
             WHEN ts_form = 'naive' AND assume_tz IS NOT NULL
                 THEN try(timezone(assume_tz, try_cast(ts_text AS TIMESTAMP)))
        END AS ts
    FROM shaped
), timed AS (
    -- what is wrong with the instant, if anything (an empty one is
    -- "malformed" here; the judged chain names it an empty field first)
    SELECT *,
        CASE
            WHEN ts_form IS NULL THEN 'malformed timestamp ' || left(ts_text, 80)
                || ' (expected ISO-8601 with an offset, e.g. 2026-03-02T09:14:05+01:00)'
            WHEN ts_form = 'naive' AND assume_tz IS NULL THEN 'timestamp without UTC offset ' || ts_text
                || ' (R2: add an offset, or import with --assume-tz ZONE)'
            WHEN ts IS NULL THEN 'malformed timestamp ' || left(ts_text, 80) || ' (not a valid date or time)'
        END AS ts_reason
    FROM typed
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            -- every other column's distinct values passed (a fast path):
            -- only the instant differs row by row
            WHEN values_checked THEN ts_reason
            -- (x IS NULL OR x = ''), not coalesce(x, '') = '': no string made per row
            WHEN ts_text IS NULL OR ts_text = '' OR event IS NULL OR event = '' OR session_id IS NULL
              OR session_id = '' OR user_name IS NULL OR user_name = '' OR product IS NULL OR product = ''
              OR version IS NULL OR version = '' OR device IS NULL OR device = '' OR os IS NULL OR os = '' THEN
                'empty required field(s): ' || concat_ws(', ',
                    CASE WHEN coalesce(ts_text, '') = '' THEN 'ts' END,
                    CASE WHEN coalesce(event, '') = '' THEN 'event' END,
                    CASE WHEN coalesce(session_id, '') = '' THEN 'session_id' END,
                    CASE WHEN coalesce(user_name, '') = '' THEN 'user' END,
                    CASE WHEN coalesce(product, '') = '' THEN 'product' END,
                    CASE WHEN coalesce(version, '') = '' THEN 'version' END,
                    CASE WHEN coalesce(device, '') = '' THEN 'device' END,
                    CASE WHEN coalesce(os, '') = '' THEN 'os' END)
            WHEN ts_reason IS NOT NULL THEN ts_reason
            WHEN NOT known_event(event) THEN 'unknown event kind ' || left(event, 80)
                || ' (expected login, activity or logout)'
            WHEN NOT known_os(os) THEN 'unknown os ' || left(os, 80)
                || ' (expected windows, macos or linux)'
            WHEN NOT version_has_year(version) THEN 'version ' || left(version, 80)
                || ' does not start with a 4-digit year'
            WHEN NOT product_code(product) THEN 'product * is no product code'
                || ' (in assignments only, it stands for every product)'
        END AS reason
    FROM timed
)
-- event and os stay text here (the staging connection may not know the
-- store's ENUM types): staged as local ids, cast once per value when
-- stored (file_values.sql).
SELECT line, reason,
       CASE WHEN reason IS NOT NULL THEN raw_text END AS raw,
       ts, event, session_id, user_name, team, product, version, device, os
FROM judged;
