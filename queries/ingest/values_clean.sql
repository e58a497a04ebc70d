-- Does every distinct value of an events file read by a fast path (but its
-- instants) pass the checks of check_events.sql (the macros of
-- event_checks.sql)? Then no row can fail them, and the staged rows are
-- checked for their instant only (values_checked.sql). Each value as its
-- spellings read it (file_spellings, spellings.sql: unquoted, event and os
-- lower-cased, an empty team none). A required column
-- empty or NULL, an unknown event kind or os, a version without its year,
-- product '*', a NUL byte anywhere: false, and the file is read exactly, where each
-- refused row gets its reason.
-- team may be empty (R12). Grain: one row.
SELECT coalesce(bool_and(
    name IS NOT NULL AND NOT contains(name, chr(0)) AND CASE dict
        WHEN 'events' THEN known_event(name)
        WHEN 'os' THEN known_os(name)
        WHEN 'versions' THEN version_has_year(name)
        WHEN 'products' THEN name <> '' AND product_code(name)
        ELSE name <> ''
    END), false)
FROM file_spellings
WHERE dict <> 'teams' OR contains(name, chr(0));
