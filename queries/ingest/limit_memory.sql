-- While importing, DuckDB keeps its buffers under 1 GB and spills the
-- staging tables to disk beyond that (issue 2: an import peaks at 2 GB at
-- most; 10 M events peaked at ~4 GB without it). Undone by reset_memory.
-- Grain: statement.
SET memory_limit = '1GB';
