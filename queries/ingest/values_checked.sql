-- $checked: true when every distinct value of the file passed its checks
-- (values_clean.sql): check_events.sql then skips them row by row; false
-- again before the exact path reads the file (it checks every row).
-- Grain: a setting of the file's import (ingest_cfg).
UPDATE ingest_cfg SET values_checked = $checked;
