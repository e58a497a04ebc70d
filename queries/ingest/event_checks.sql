-- The checks of one usage-event value (data contract "Usage events"; R1,
-- R2), as TEMP macros: check_events.sql applies them to every row, and a
-- fast path (values_clean.sql) to each distinct event, os and version of a
-- file, so that the rules are written once. Macros are inlined where they
-- are used.
-- An instant with an offset ("Z", "+01:00", "+0100", "+01") (R1):
CREATE OR REPLACE TEMP MACRO ts_with_offset(t) AS
    regexp_full_match(t, '\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)');
-- the same without an offset (rejected unless --assume-tz, R2):
CREATE OR REPLACE TEMP MACRO ts_naive(t) AS
    regexp_full_match(t, '\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?');
-- event and os, once lower-cased (they are taken case-insensitively):
CREATE OR REPLACE TEMP MACRO known_event(e) AS e IN ('login', 'activity', 'logout');
CREATE OR REPLACE TEMP MACRO known_os(o) AS o IN ('windows', 'macos', 'linux');
-- a version starts with its 4-digit year (the idle-detection and Linux rules
-- go by the year, R6, R18):
CREATE OR REPLACE TEMP MACRO version_has_year(v) AS regexp_matches(v, '^\d{4}');
-- How event, os and team read, written once: check_events.sql reads them
-- so row by row on the exact path, spellings.sql once per distinct
-- spelling on a fast path. Event and os are taken case-insensitively
-- (lower-cased unless already a known value: no string made per row for
-- the usual spelling); an empty team is none (R12).
CREATE OR REPLACE TEMP MACRO event_read(e) AS
    CASE WHEN e IN ('login', 'activity', 'logout') THEN e ELSE lower(e) END;
CREATE OR REPLACE TEMP MACRO os_read(o) AS
    CASE WHEN o IN ('windows', 'macos', 'linux') THEN o ELSE lower(o) END;
CREATE OR REPLACE TEMP MACRO team_read(t) AS nullif(t, '');
-- '*' stands for every product in an assignment (data contract); an event
-- names one product:
CREATE OR REPLACE TEMP MACRO product_code(p) AS p <> '*';
-- A CSV value read with its quotes as plain characters (a fast path,
-- ingest_cfg.quoted) is as the exact reader would read it (src_csv.sql)
-- when it holds no quote, or is quoted whole with no quote inside (an
-- escaped "" is left to the exact reader); anything else, a value with a
-- space before its opening quote or after its closing one too, fails.
-- Quoted whole: its only two quotes are its first and last bytes (counted
-- by bytes: cheaper than cutting out its inside by characters).
CREATE OR REPLACE TEMP MACRO quoted_ok(v) AS
    v IS NULL OR NOT contains(v, '"')
    OR (starts_with(v, '"') AND ends_with(v, '"') AND strlen(v) - strlen(replace(v, '"', '')) = 2);
-- its text once quoted_ok holds: its only quotes, if any, are its ends (a
-- byte-wise replace, cheaper than cutting them off by characters):
CREATE OR REPLACE TEMP MACRO unquote(v) AS replace(v, '"', '');
-- the instant of such a CSV, row by row: its text when quoted whole, else
-- as written. Cut by bytes (strlen), cheaper than quoted_ok + unquote in
-- every row: a non-ASCII or inner-quoted instant keeps a quote and fails
-- ts_with_offset/ts_naive, as it would once unquoted.
CREATE OR REPLACE TEMP MACRO unquote_instant(v) AS
    CASE WHEN starts_with(v, '"') AND ends_with(v, '"') AND strlen(v) >= 2 THEN substring(v, 2, strlen(v) - 2)
         ELSE v END;
