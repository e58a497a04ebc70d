-- $checked: true on a fast path, whose distinct values are checked once
-- each (values_clean.sql, after group_events.sql; one failure and the fast
-- path stands down): check_events.sql then judges rows by their instant
-- only; false again before the exact path reads the file (it checks every
-- row). Grain: a setting of the file's import (ingest_cfg).
UPDATE ingest_cfg SET values_checked = $checked;
