-- reports/explain_focus: narrow this connection's view of the events to one
-- user and product while `flexdash explain` reads the int_ views, so they
-- compute a few sessions instead of the whole store (a TEMP table named
-- like the main one shadows it, also inside views; read-only connections
-- allow it). Everything explain shows is per user x product (R7 runs, R12
-- team of a session from its own rows, assignments and packs), so the
-- narrowed views give the same rows for that pair. Dropped by
-- reports/explain_unfocus. Rules: R4 (stg_events still applies the as-of).
-- Grain: one row per event of the user and product.
CREATE OR REPLACE TEMP TABLE events AS
SELECT * FROM main.events WHERE user_id = $user_id AND product_id = $product_id;
