-- Mark a store as a demo store (flexdash demo): only a store carrying this
-- mark may be deleted and recreated by the next `flexdash demo`.
-- $1: where the sample logs came from. Grain: one store_meta row.
INSERT OR REPLACE INTO store_meta VALUES ('demo_samples', $1);
