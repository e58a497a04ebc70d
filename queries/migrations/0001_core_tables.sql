-- Migration 0001: the store's tables.
-- Inputs are parsed once into typed tables with dense integer ids
-- (users, products, teams, devices, sessions) so that every later view and
-- the engine work on integers (measured.md: lag() on a dense id is ~4x
-- faster than on a UUID string). Instants are TIMESTAMPTZ, always UTC (R1);
-- every connection sets TimeZone = 'UTC'.
-- Large tables carry no PRIMARY KEY: the importer dedupes by anti-join
-- (measured.md: 7-20x faster than INSERT OR IGNORE on a key).

CREATE TYPE event_kind AS ENUM ('login', 'activity', 'logout');
CREATE TYPE os_kind AS ENUM ('windows', 'macos', 'linux');

-- Dictionaries: one row per distinct name, ids dense from 1.
CREATE TABLE users    (user_id    INTEGER NOT NULL, user_name VARCHAR NOT NULL);
CREATE TABLE products (product_id INTEGER NOT NULL, product   VARCHAR NOT NULL);
CREATE TABLE teams    (team_id    INTEGER NOT NULL, team      VARCHAR NOT NULL);
CREATE TABLE devices  (device_id  INTEGER NOT NULL, device    VARCHAR NOT NULL);
CREATE TABLE sessions (session_key INTEGER NOT NULL, session_id VARCHAR NOT NULL);

-- Usage events. Identity: (session_key, event, ts) (data contract).
-- team_id is NULL when the log row names no team (R12).
CREATE TABLE events (
    session_key  INTEGER     NOT NULL,
    ts           TIMESTAMPTZ NOT NULL,
    event        event_kind  NOT NULL,
    user_id      INTEGER     NOT NULL,
    team_id      INTEGER,
    product_id   INTEGER     NOT NULL,
    version      VARCHAR     NOT NULL,
    version_year SMALLINT    NOT NULL,
    device_id    INTEGER     NOT NULL,
    os           os_kind     NOT NULL,
    import_id    INTEGER     NOT NULL
);

-- Token packs (R13-R15). Identity: pack_id.
CREATE TABLE packs (
    pack_id      VARCHAR  NOT NULL PRIMARY KEY,
    team_id      INTEGER  NOT NULL,
    tokens       INTEGER  NOT NULL,
    purchased_on DATE     NOT NULL,
    price        DECIMAL(18, 2),
    currency     VARCHAR  NOT NULL DEFAULT 'USD',
    import_id    INTEGER  NOT NULL
);

-- Rates (R10, R6, R11, R18). rates_shipped is reloaded from data/rates.csv
-- each time the store is opened for writing; rates_imported holds the
-- admin's own rows, which replace the shipped history of every product they
-- name (data contract). Product codes stay text here: a rate may name a
-- product no event has used yet.
CREATE TABLE rates_shipped (
    product              VARCHAR  NOT NULL,
    name                 VARCHAR  NOT NULL,
    kind                 VARCHAR  NOT NULL,
    host                 VARCHAR,
    tokens_per_day       INTEGER  NOT NULL,
    effective_from       DATE     NOT NULL,
    idle_detection_since SMALLINT,
    linux                BOOLEAN  NOT NULL,
    source               VARCHAR
);
CREATE TABLE rates_imported (
    product              VARCHAR  NOT NULL,
    name                 VARCHAR  NOT NULL,
    kind                 VARCHAR  NOT NULL,
    host                 VARCHAR,
    tokens_per_day       INTEGER  NOT NULL,
    effective_from       DATE     NOT NULL,
    idle_detection_since SMALLINT,
    linux                BOOLEAN  NOT NULL,
    source               VARCHAR,
    import_id            INTEGER  NOT NULL
);

-- Assignments (R12, R17). product is a product code or '*' (every product).
CREATE TABLE assignments (
    team_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    product     VARCHAR NOT NULL,
    assigned_on DATE    NOT NULL,
    import_id   INTEGER NOT NULL
);

-- Annual single-user subscription prices (R20). Shipped rows come from
-- data/prices.csv; imported rows replace the shipped row of their product.
CREATE TABLE prices_shipped (
    product                   VARCHAR NOT NULL,
    annual_subscription_price DECIMAL(18, 2) NOT NULL,
    currency                  VARCHAR NOT NULL,
    source                    VARCHAR
);
CREATE TABLE prices_imported (
    product                   VARCHAR NOT NULL,
    annual_subscription_price DECIMAL(18, 2) NOT NULL,
    currency                  VARCHAR NOT NULL,
    import_id                 INTEGER NOT NULL
);

-- Import ledger: one row per file imported. content_hash recognises a file
-- already imported (skipped quickly, counted as duplicates).
CREATE TABLE imports (
    import_id    INTEGER     NOT NULL PRIMARY KEY,
    file         VARCHAR     NOT NULL,
    content_hash VARCHAR     NOT NULL,
    kind         VARCHAR     NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL,
    rows         BIGINT      NOT NULL,
    accepted     BIGINT      NOT NULL,
    duplicates   BIGINT      NOT NULL,
    rejected     BIGINT      NOT NULL
);

-- Every refused input row, with its reason (data contract: bad input).
CREATE TABLE rejects (
    import_id INTEGER NOT NULL,
    file      VARCHAR NOT NULL,
    line      BIGINT  NOT NULL,
    reason    VARCHAR NOT NULL,
    raw       VARCHAR
);

-- Engine results (written by app/engine, read by reports and the TUI).
-- Computed from all events up to engine_runs.as_of (R4).
CREATE TABLE charges (
    charge_id    BIGINT      NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    window_end   TIMESTAMPTZ NOT NULL,
    user_id      INTEGER     NOT NULL,
    product_id   INTEGER     NOT NULL,
    team_id      INTEGER     NOT NULL,
    tokens       INTEGER     NOT NULL,
    session_key  INTEGER     NOT NULL   -- the session active at window_start (R12)
);
CREATE TABLE allocations (
    charge_id BIGINT  NOT NULL,
    pack_id   VARCHAR NOT NULL,
    tokens    INTEGER NOT NULL
);
CREATE TABLE denials (
    ts          TIMESTAMPTZ NOT NULL,
    user_id     INTEGER     NOT NULL,
    product_id  INTEGER     NOT NULL,
    team_id     INTEGER,              -- NULL for team_unresolved
    reason      VARCHAR     NOT NULL,
    session_key INTEGER
);
CREATE TABLE engine_runs (
    run_id        INTEGER     NOT NULL,
    computed_at   TIMESTAMPTZ NOT NULL,
    as_of         TIMESTAMPTZ NOT NULL,
    events        BIGINT      NOT NULL,
    charges       BIGINT      NOT NULL,
    denials       BIGINT      NOT NULL,
    seconds       DOUBLE      NOT NULL
);

-- Token unit price by pack size (R20), reloaded from data/token_prices.csv.
CREATE TABLE token_prices_shipped (
    pack_size  INTEGER NOT NULL,
    unit_price DECIMAL(18, 4) NOT NULL,
    currency   VARCHAR NOT NULL,
    source     VARCHAR
);

-- Small key/value facts about the store (e.g. the digest of the views the
-- store was last opened for writing with).
CREATE TABLE store_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
