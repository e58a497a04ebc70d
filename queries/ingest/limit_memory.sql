-- While importing, DuckDB keeps its buffers under 1 GB and spills the
-- staging tables to disk beyond that (issue 2: an import peaks at 2 GB at
-- most, and DuckDB's default limit is most of the machine's memory).
-- Undone by reset_memory.
-- Grain: statement.
SET memory_limit = '1GB';
