-- Imported rates replace the whole history of every product they name (data
-- contract "Rates"; R10): first drop the earlier imported rows of those
-- products (the shipped rows are hidden by stg_rates). Grain: statement.
DELETE FROM rates_imported
WHERE product IN (SELECT product FROM checked WHERE reason IS NULL);
