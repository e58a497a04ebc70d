-- Before storing a fast path's events as they were staged, group by group
-- (store_events_same_ids.sql, store_events_plain.sql): the rows of a group
-- come together, so every id column comes in runs and DuckDB's RLE
-- compresses it; weighing bitpacking as well cost a third of writing
-- 10 M events (1.15 s -> 0.77 s; the store 78 -> 119 MB, 8.7 % of the CSV,
-- issue 2 allows 20 %: the instants, all distinct, are then kept
-- uncompressed). Undone by compress_reset.sql. Grain: statement.
SET disabled_compression_methods = 'bitpacking';
