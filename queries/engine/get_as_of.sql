-- engine/get_as_of: the connection's as-of instant (R4), NULL when unset.
-- Grain: one row.
SELECT getvariable('flexdash_as_of');
