-- engine/drop_shadows: remove the TEMP tables use_results_as_of made (R4),
-- so charges/allocations/denials name the stored tables again.
-- Grain: none (DDL).
DROP TABLE IF EXISTS temp.charges;
DROP TABLE IF EXISTS temp.allocations;
DROP TABLE IF EXISTS temp.denials;
