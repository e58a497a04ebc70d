-- engine/set_as_of: the instant every int_/v_ view on this connection is as
-- of (R4), read by stg_events through getvariable('flexdash_as_of').
-- Grain: none (session setting).
SET VARIABLE flexdash_as_of = CAST(? AS TIMESTAMPTZ);
