-- Migration 0002: product versions become a dictionary like the names
-- (issue 2: writing the version text into each of 10 M events cost ~0.5 s
-- of an import, its integer id ~0.1 s). events.version (text) and
-- events.version_year are replaced by events.version_id (versions.version_id,
-- ids dense from 1 in version order); a version's year (R6 idle detection,
-- R18 Linux) is the versions row's. Identity and order of events are
-- unchanged.
CREATE TABLE versions (
    version_id   INTEGER  NOT NULL,
    version      VARCHAR  NOT NULL,
    version_year SMALLINT NOT NULL
);

INSERT INTO versions
SELECT CAST(row_number() OVER (ORDER BY version) AS INTEGER), version, min(version_year)
FROM events
GROUP BY version;

CREATE TABLE events_0002 (
    session_key  INTEGER     NOT NULL,
    ts           TIMESTAMPTZ NOT NULL,
    event        event_kind  NOT NULL,
    user_id      INTEGER     NOT NULL,
    team_id      INTEGER,
    product_id   INTEGER     NOT NULL,
    version_id   INTEGER     NOT NULL,
    device_id    INTEGER     NOT NULL,
    os           os_kind     NOT NULL,
    import_id    INTEGER     NOT NULL
);

INSERT INTO events_0002
SELECT e.session_key, e.ts, e.event, e.user_id, e.team_id, e.product_id, v.version_id, e.device_id,
       e.os, e.import_id
FROM events e
JOIN versions v USING (version)
ORDER BY e.rowid;

DROP TABLE events;
ALTER TABLE events_0002 RENAME TO events;
