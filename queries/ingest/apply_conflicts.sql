-- Turn the rows found by a conflicts_* query into rejected rows of `checked`.
-- Grain: one row per conflicting line.
UPDATE checked SET reason = k.reason FROM conflicts k WHERE checked.line = k.line;
