-- Typed, checked product aliases (the admin's own names for the vendor's
-- export, R24): c1..c3 = alias, product (a code), source (optional).
-- The empty-field check is value_checks.sql's macro (no day or amount here).
-- Grain: one row per data line.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text, nullif(trim(c1), '') AS alias, nullif(trim(c2), '') AS product,
           nullif(trim(c3), '') AS source, cfg.missing
    FROM src_fields, ingest_cfg cfg
)
SELECT line,
    CASE
        WHEN pre_reason IS NOT NULL THEN pre_reason
        WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
        ELSE empty_fields([alias, product], ['alias', 'product'])
    END AS reason,
    raw_text AS raw, alias, product, source
FROM f;
