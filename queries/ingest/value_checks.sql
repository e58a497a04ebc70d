-- The checks the small input kinds share (data contract "Inputs": packs,
-- rates, assignments, prices; groups, aliases and the vendor's export take
-- empty_fields only), as TEMP macros so that each is written once
-- (check_<kind>.sql use them; the events have their own, event_checks.sql,
-- shaped for millions of rows).
-- The reason for a row's empty required fields, naming them in the
-- contract's order; NULL when none is empty. vals and names: lists in step.
CREATE OR REPLACE TEMP MACRO empty_fields(vals, names) AS
    CASE WHEN list_bool_or(list_transform(vals, lambda v: coalesce(v, '') = '')) THEN
        'empty required field(s): '
        || array_to_string(list_filter(names, lambda n, i: coalesce(vals[i], '') = ''), ', ')
    END;
-- A day written YYYY-MM-DD that exists:
CREATE OR REPLACE TEMP MACRO is_day(t) AS
    coalesce(regexp_full_match(t, '\d{4}-\d{2}-\d{2}') AND try_cast(t AS DATE) IS NOT NULL, false);
-- A whole number of tokens above zero (at most 9 digits):
CREATE OR REPLACE TEMP MACRO is_positive_int(t) AS
    coalesce(regexp_full_match(t, '\d{1,9}') AND try_cast(t AS INTEGER) > 0, false);
-- A non-negative amount with at most two decimals (1234.50):
CREATE OR REPLACE TEMP MACRO is_amount(t) AS coalesce(regexp_full_match(t, '\d{1,15}(\.\d{1,2})?'), false);
-- A 3-letter currency code (upper-cased before):
CREATE OR REPLACE TEMP MACRO is_currency(t) AS coalesce(regexp_full_match(t, '[A-Z]{3}'), false);
