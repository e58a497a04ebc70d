-- engine/reset_as_of: views see every stored event again (R4 unset).
-- Grain: none (session setting).
RESET VARIABLE flexdash_as_of;
