-- stg_rates: the rate table in force (R10, R6, R11, R18).
-- Imported rates replace the shipped history of every product they name
-- (data contract); other products keep the shipped rows.
-- Grain: one row per product x effective_from.
CREATE OR REPLACE VIEW stg_rates AS
SELECT CAST(product AS VARCHAR) AS product, CAST(name AS VARCHAR) AS name,
       CAST(kind AS VARCHAR) AS kind, CAST(host AS VARCHAR) AS host,
       CAST(tokens_per_day AS INTEGER) AS tokens_per_day,
       CAST(effective_from AS DATE) AS effective_from,
       CAST(idle_detection_since AS SMALLINT) AS idle_detection_since,
       CAST(linux AS BOOLEAN) AS linux, CAST(source AS VARCHAR) AS source,
       CAST('imported' AS VARCHAR) AS origin
FROM rates_imported
UNION ALL
SELECT product, name, kind, host, tokens_per_day, effective_from,
       idle_detection_since, linux, source, 'shipped'
FROM rates_shipped s
WHERE NOT EXISTS (SELECT 1 FROM rates_imported i WHERE i.product = s.product);
