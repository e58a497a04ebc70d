-- Migration 0004: the vendor's usage export (R24, data contract
-- "vendor_usage") and the product names it writes.
--
-- vendor_usage: tokens billed per team, user, product and day, as the vendor
-- exported them; identity (team_id, user_id, product_id, day). The older
-- enterprise format has no team or user: its rows are aggregates per product
-- and day (aggregate = true, team_id and user_id NULL). A later export with
-- other tokens for an identity replaces the row (import_id and line say which
-- export it came from).
CREATE TABLE vendor_usage (
    team_id    INTEGER,
    user_id    INTEGER,
    product_id INTEGER NOT NULL,
    day        DATE    NOT NULL,
    tokens     BIGINT  NOT NULL,
    aggregate  BOOLEAN NOT NULL,
    import_id  INTEGER NOT NULL,
    line       BIGINT  NOT NULL
);

-- Display names the vendor writes for a product, mapped to rate-table codes:
-- shipped (data/product_aliases.csv, reloaded on every write open) and the
-- admin's own (kind `aliases`), which win over the shipped ones.
CREATE TABLE product_aliases_shipped (
    alias   VARCHAR NOT NULL,
    product VARCHAR NOT NULL,
    source  VARCHAR
);

CREATE TABLE product_aliases_imported (
    alias     VARCHAR NOT NULL,
    product   VARCHAR NOT NULL,
    source    VARCHAR,
    import_id INTEGER NOT NULL
);

-- A charge the engine makes from a billed day no log covers has no session
-- (R24, app/engine/billed.py; v_charge_source calls it 'billed').
ALTER TABLE charges ALTER COLUMN session_key DROP NOT NULL;
