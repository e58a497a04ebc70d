-- Accepted rates into `rates_imported` (R10, R6, R11, R18); the first line
-- of a (product, effective_from) wins. $1: import_id.
-- Grain: one row per product x effective_from.
INSERT INTO rates_imported
SELECT product, name, kind, host, tokens_per_day, effective_from,
       idle_detection_since, linux, source, $1
FROM checked WHERE reason IS NULL
QUALIFY row_number() OVER (PARTITION BY product, effective_from ORDER BY line) = 1;
