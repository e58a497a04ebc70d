-- Imported prices replace the earlier imported price of each product they
-- name (R20). Grain: statement.
DELETE FROM prices_imported
WHERE product IN (SELECT product FROM checked WHERE reason IS NULL);
