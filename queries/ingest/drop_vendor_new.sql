-- The vendor store step's TEMP table goes. Grain: none.
DROP TABLE IF EXISTS vendor_new;
