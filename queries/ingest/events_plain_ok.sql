-- May the accepted events of `checked` go into `events` without the
-- exactly-once work of store_events.sql? Yes when no identity occurs twice
-- in the file (app/ingest/importer.py asks while staging) and the store holds
-- no event inside the file's [min ts, max ts] (a first import, or a new
-- period): then every accepted row is new and store_events.sql ($dedupe
-- false) inserts it with no dedupe GROUP BY, no join back on rowid and no
-- anti-join. This is the other half. Grain: one row.
SELECT NOT EXISTS (
    SELECT 1 FROM events
    WHERE ts BETWEEN (SELECT min(ts) FROM accepted_events)
                 AND (SELECT max(ts) FROM accepted_events)
);
