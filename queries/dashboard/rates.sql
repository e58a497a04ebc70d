-- dashboard/rates: the rate table in force with each product's history.
-- Rules: R10 (the row with the latest effective_from <= the instant applies),
-- R6 (idle_detection_since), R11 (plug-ins and their host), R18 (linux).
-- Grain: one row per product x effective_from; `current` marks the row in
-- force at $as_of.
SELECT product, name, kind, host, tokens_per_day, effective_from,
       idle_detection_since, linux, origin, source,
       effective_from = max(effective_from) FILTER (WHERE effective_from <= CAST($as_of AS DATE))
                        OVER (PARTITION BY product) AS current
FROM stg_rates
ORDER BY product, effective_from DESC;
