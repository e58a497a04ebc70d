-- Migration 0003: what the advice reports need beyond the engine's results.
--
-- user_groups (R25): one cost centre per user. Rows come from `groups`
-- imports (a later import replaces a user's group) and may come from the
-- vendor's user export; group_name is free text, import_id the import that
-- set it. A user with no row is in the group '(none)'.
CREATE TABLE user_groups (
    user_id    INTEGER NOT NULL,
    group_name VARCHAR NOT NULL,
    import_id  INTEGER NOT NULL
);

-- Collection subscription prices (R20, "collections"), reloaded from
-- data/collection_prices.csv: one row per collection x member product.
CREATE TABLE collection_prices_shipped (
    collection                VARCHAR NOT NULL,
    product                   VARCHAR NOT NULL,
    annual_subscription_price DECIMAL(18, 2) NOT NULL,
    currency                  VARCHAR NOT NULL,
    source                    VARCHAR
);
