-- Run the next statement's joins in the order written, building each hash
-- table on the right-hand side (stage_events.sql says why). Undone by
-- join_order_reset.sql. Grain: statement.
SET disabled_optimizers = 'join_order,build_side_probe_side';
