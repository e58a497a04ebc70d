-- stg_rate_periods: each rate row with the stretch of time it is in force.
-- Rules: R10 (the row with the latest effective_from <= u applies), R6
-- (idle_detection_since), R11 (kind, host), R18 (linux), R12b (a product
-- with no row at all is unknown).
-- Decision (documented in docs/architecture.md, "Views"): before a
-- product's first effective_from its first row applies, so a product in the
-- rate table always has a rate; period_start of the first row is -infinity.
-- effective_from D is in force from D 00:00 UTC.
-- Grain: one row per product x effective_from.
-- R10's lookup, written once: the row in force at instant t is the one
-- whose [period_start, period_end) holds t (every join on a rate row at an
-- instant uses it; a macro is inlined, so each join plans as if written out).
CREATE OR REPLACE MACRO rate_in_force(t, period_start, period_end) AS t >= period_start AND t < period_end;

CREATE OR REPLACE VIEW stg_rate_periods AS
WITH r AS (
    SELECT product, name, kind, host, tokens_per_day, effective_from,
           idle_detection_since, linux,
           row_number() OVER (PARTITION BY product ORDER BY effective_from) AS nth,
           lead(effective_from) OVER (PARTITION BY product ORDER BY effective_from) AS next_from
    FROM stg_rates
)
SELECT CAST(p.product_id AS INTEGER) AS product_id,
       CAST(r.product AS VARCHAR) AS product, CAST(r.name AS VARCHAR) AS name,
       CAST(r.kind AS VARCHAR) AS kind, CAST(r.host AS VARCHAR) AS host,
       CAST(r.tokens_per_day AS INTEGER) AS tokens_per_day,
       CAST(r.effective_from AS DATE) AS effective_from,
       CAST(r.idle_detection_since AS SMALLINT) AS idle_detection_since,
       CAST(r.linux AS BOOLEAN) AS linux,
       CAST(CASE WHEN r.nth = 1 THEN CAST('-infinity' AS TIMESTAMPTZ)
                 ELSE CAST(r.effective_from AS TIMESTAMPTZ) END AS TIMESTAMPTZ) AS period_start,
       CAST(coalesce(CAST(r.next_from AS TIMESTAMPTZ), CAST('infinity' AS TIMESTAMPTZ)) AS TIMESTAMPTZ) AS period_end
FROM r
LEFT JOIN products p ON p.product = r.product;
