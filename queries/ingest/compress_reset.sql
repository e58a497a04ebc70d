-- Undo compress_runs.sql: DuckDB weighs every compression method again.
-- Grain: statement.
RESET disabled_compression_methods;
