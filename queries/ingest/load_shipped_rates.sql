-- Shipped rate table (data/rates.csv) into rates_shipped (R10, R6, R11, R18).
-- $1: path of the CSV. Schema pinned: no auto-detection.
INSERT INTO rates_shipped
SELECT product, name, kind, nullif(host, ''), tokens_per_day, effective_from,
       idle_detection_since, linux, source
FROM read_csv($1, header = true, auto_detect = false, columns = {
    'product': 'VARCHAR', 'name': 'VARCHAR', 'kind': 'VARCHAR', 'host': 'VARCHAR',
    'tokens_per_day': 'INTEGER', 'effective_from': 'DATE',
    'idle_detection_since': 'SMALLINT', 'linux': 'BOOLEAN', 'source': 'VARCHAR'});
