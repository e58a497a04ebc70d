-- Typed, checked token packs (data contract "Token packs"; R13-R15).
-- c1..c6 = pack_id, team, tokens, purchased_on, price, currency. tokens: a
-- positive integer; purchased_on: YYYY-MM-DD; price: optional non-negative
-- decimal; currency: optional 3-letter code, upper-cased, default USD.
-- Grain: one row per data line.
-- The shared checks (empty fields, days, amounts) are the macros of
-- value_checks.sql.
CREATE OR REPLACE TEMP TABLE checked AS
WITH f AS (
    SELECT line, pre_reason, raw_text,
           trim(c1) AS pack_id, trim(c2) AS team, trim(c3) AS tokens_text,
           trim(c4) AS purchased_text, nullif(trim(c5), '') AS price_text,
           upper(coalesce(nullif(trim(c6), ''), 'USD')) AS currency, cfg.missing
    FROM src_fields, ingest_cfg cfg
), e AS (
    SELECT *, empty_fields([pack_id, team, tokens_text, purchased_text],
                           ['pack_id', 'team', 'tokens', 'purchased_on']) AS empty_reason
    FROM f
), judged AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN missing IS NOT NULL THEN 'missing required column(s): ' || missing
            WHEN empty_reason IS NOT NULL THEN empty_reason
            WHEN NOT is_positive_int(tokens_text) THEN
                'tokens ' || left(tokens_text, 80) || ' is not a positive integer'
            WHEN NOT is_day(purchased_text) THEN
                'purchased_on ' || left(purchased_text, 80) || ' is not a date (YYYY-MM-DD)'
            WHEN price_text IS NOT NULL AND NOT is_amount(price_text) THEN
                'price ' || left(price_text, 80) || ' is not a non-negative amount (e.g. 1234.50)'
            WHEN NOT is_currency(currency) THEN
                'currency ' || left(currency, 80) || ' is not a 3-letter code'
        END AS reason
    FROM e
)
SELECT line, reason,
       raw_text AS raw,  -- kept for every row: a later conflict check may reject it
       pack_id, team,
       CASE WHEN reason IS NULL THEN CAST(tokens_text AS INTEGER) END AS tokens,
       CASE WHEN reason IS NULL THEN CAST(purchased_text AS DATE) END AS purchased_on,
       CASE WHEN reason IS NULL THEN CAST(price_text AS DECIMAL(18, 2)) END AS price,
       currency
FROM judged;
