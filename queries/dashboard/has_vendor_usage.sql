-- dashboard/has_vendor_usage: whether any vendor usage export was imported
-- (R24: the Reconcile pane says so when none was). Grain: one row.
SELECT EXISTS (SELECT 1 FROM vendor_usage) AS has_vendor_usage;
