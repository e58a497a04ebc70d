-- Before storing a fast path's events as they were staged, group by group
-- (store_events.sql with $dedupe false): the rows of a group
-- come together, so every id column comes in runs and DuckDB's RLE
-- compresses it; not weighing bitpacking as well makes writing the events
-- cheaper, for a larger store (issue 2 allows 20 % of the CSV: the
-- instants, all distinct, are then kept uncompressed). Undone by
-- compress_reset.sql. Grain: statement.
SET disabled_compression_methods = 'bitpacking';
