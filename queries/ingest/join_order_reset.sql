-- Give the optimizer its join ordering back (join_order_fixed.sql).
-- Grain: statement.
RESET disabled_optimizers;
