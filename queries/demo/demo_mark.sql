-- Is this store a demo store? The sample folder it was made from, or no row.
-- Grain: at most one row.
SELECT value FROM store_meta WHERE key = 'demo_samples';
